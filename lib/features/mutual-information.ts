/**
 * Mutual information between a discrete feature and a discrete target, in bits:
 *   I(X; Y) = Σ_x Σ_y p(x, y) · log2( p(x, y) / (p(x) p(y)) ),
 * with the plug-in (maximum-likelihood) probabilities of the observed counts (Cover & Thomas, Elements of
 * Information Theory, eq. 2.28). The plug-in estimate is biased upwards by about (|X|−1)(|Y|−1) / (2n ln 2) bits
 * (Miller 1955), so numeric features are cut into at most a few quantile bins before it is taken.
 */
export function mutualInformationBits(xs: readonly (string | number)[], ys: readonly (string | number)[]): number {
  if (xs.length !== ys.length) throw new RangeError(`feature and target differ in length (${xs.length} vs ${ys.length})`);
  const n = xs.length;
  if (n === 0) return 0;
  const joint = new Map<string, number>();
  const px = new Map<string | number, number>();
  const py = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    const key = `${typeof x}:${x}\u0000${typeof y}:${y}`;
    joint.set(key, (joint.get(key) ?? 0) + 1);
    px.set(x, (px.get(x) ?? 0) + 1);
    py.set(y, (py.get(y) ?? 0) + 1);
  }
  const pairs = new Map<string, [string | number, string | number]>();
  for (let i = 0; i < n; i++) pairs.set(`${typeof xs[i]}:${xs[i]}\u0000${typeof ys[i]}:${ys[i]}`, [xs[i]!, ys[i]!]);
  let bits = 0;
  for (const [key, count] of joint) {
    const [x, y] = pairs.get(key)!;
    // p(x,y)/(p(x)p(y)) = count·n / (count_x·count_y)
    bits += (count / n) * Math.log2((count * n) / (px.get(x)! * py.get(y)!));
  }
  return Math.max(0, bits);
}

/** Shannon entropy of a discrete variable, in bits: H(Y) = −Σ p(y) log2 p(y). */
export function entropyBits(ys: readonly (string | number)[]): number {
  const counts = new Map<string | number, number>();
  for (const y of ys) counts.set(y, (counts.get(y) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) bits -= (count / ys.length) * Math.log2(count / ys.length);
  return bits;
}

/**
 * Cuts numeric values into at most `bins` quantile bins (equal-count, ties kept together) and returns each
 * value's bin label; a feature with no more distinct values than bins keeps its own values.
 */
export function quantileBins(values: readonly number[], bins: number): number[] {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  if (distinct.length <= bins) return [...values];
  const sorted = [...values].sort((a, b) => a - b);
  const edges: number[] = [];
  for (let b = 1; b < bins; b++) {
    const edge = sorted[Math.floor((b * sorted.length) / bins)]!;
    if (edges[edges.length - 1] !== edge) edges.push(edge);
  }
  return values.map((value) => {
    let bin = 0;
    while (bin < edges.length && value >= edges[bin]!) bin++;
    return bin;
  });
}
