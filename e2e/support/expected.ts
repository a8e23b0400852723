/**
 * Expected values for the e2e specs, written apart from the app's lib/ so that a bug there cannot hide itself:
 * number formats via Intl/toFixed, the semver order via a numeric collator, Wilson from the textbook formula.
 */
export const count = (value: number) => value.toLocaleString("en-US");

export function percent(ratio: number): string {
  if (ratio === 0) return "0%";
  if (ratio === 1) return "100%";
  return `${(ratio * 100).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
}

const numeric = new Intl.Collator("en", { numeric: true });

/** Newest first by semver precedence, for versions of the form MAJOR.MINOR.PATCH[-pre][+build]. */
export function newestVersionFirst(a: string, b: string): number {
  const [coreA = "", preA] = a.split("+")[0]!.split(/-(.*)/);
  const [coreB = "", preB] = b.split("+")[0]!.split(/-(.*)/);
  const byCore = numeric.compare(coreB, coreA);
  if (byCore !== 0) return byCore;
  if (!preA || !preB) return (preA ? 1 : 0) - (preB ? 1 : 0);
  return numeric.compare(preB, preA);
}

/** The 95% Wilson score interval (Wilson 1927). */
export function wilson(successes: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = successes / n;
  const centre = p + (z * z) / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const scale = 1 + (z * z) / n;
  return [successes === 0 ? 0 : (centre - spread) / scale, successes === n ? 1 : (centre + spread) / scale];
}
