import { meanWithInterval, type MeanInterval } from "@/lib/stats/student-t";
import { wilsonInterval, type Interval } from "@/lib/stats/wilson";
import { entropyBits, mutualInformationBits, quantileBins } from "./mutual-information";

/** One training example as the importance ranking sees it. */
export type ImportanceRow = { features: Record<string, unknown>; quality: number | null; label: 0 | 1 | null };

export type FeatureImportance = {
  feature: string;
  /** How many rows have the feature (fv-1 vectors lack the fv-2 features). */
  present: number;
  kind: "numeric" | "categorical";
  /** I(feature; positive_label) in bits, over labelled rows. */
  labelBits: number;
  /** The share of the label's entropy the feature explains, I / H(label). */
  labelShare: number;
  /** I(feature; quality band) in bits, quality cut into five bands of 0.2. */
  qualityBits: number;
  qualityShare: number;
};

export const NUMERIC_BINS = 8;
export const QUALITY_BANDS = 5;
const MISSING = "(missing)";

const qualityBand = (quality: number) => Math.min(QUALITY_BANDS - 1, Math.floor(quality * QUALITY_BANDS));

/** A feature's values made discrete: numbers in quantile bins, anything else as its JSON text; absent → "(missing)". */
function discretise(values: unknown[]): { kind: FeatureImportance["kind"]; labels: (string | number)[] } {
  const numeric = values.every((value) => value === undefined || typeof value === "number");
  if (!numeric) return { kind: "categorical", labels: values.map((value) => (value === undefined ? MISSING : JSON.stringify(value))) };
  const present = values.filter((value): value is number => typeof value === "number");
  const bins = quantileBins(present, NUMERIC_BINS);
  let next = 0;
  return { kind: "numeric", labels: values.map((value) => (value === undefined ? MISSING : (bins[next++] as number))) };
}

/**
 * Ranks every feature of the features JSON by its mutual information with the label and with the result
 * quality (mutual-information.ts), highest label information first. Rows without a label count for the
 * quality ranking only, and rows without a quality for the label ranking only.
 */
export function rankFeatures(rows: readonly ImportanceRow[]): FeatureImportance[] {
  const names = [...new Set(rows.flatMap((row) => Object.keys(row.features)))].sort();
  const labelled = rows.filter((row) => row.label !== null);
  const scored = rows.filter((row) => row.quality !== null);
  const labels = labelled.map((row) => row.label as number);
  const bands = scored.map((row) => qualityBand(row.quality as number));
  const labelEntropy = entropyBits(labels);
  const qualityEntropy = entropyBits(bands);
  return names
    .map((feature): FeatureImportance => {
      const { kind, labels: all } = discretise(rows.map((row) => row.features[feature]));
      const byRow = new Map(rows.map((row, i) => [row, all[i] as string | number]));
      const labelBits = mutualInformationBits(labelled.map((row) => byRow.get(row)!), labels);
      const qualityBits = mutualInformationBits(scored.map((row) => byRow.get(row)!), bands);
      return {
        feature,
        present: rows.filter((row) => row.features[feature] !== undefined).length,
        kind,
        labelBits,
        labelShare: labelEntropy > 0 ? labelBits / labelEntropy : 0,
        qualityBits,
        qualityShare: qualityEntropy > 0 ? qualityBits / qualityEntropy : 0,
      };
    })
    .sort((a, b) => b.labelBits - a.labelBits || b.qualityBits - a.qualityBits || a.feature.localeCompare(b.feature));
}

export type QualityGroup = {
  group: string;
  count: number;
  /** Mean result quality with its 95% t interval (null without scored rows). */
  quality: MeanInterval;
  labelled: number;
  positiveRate: number | null;
  /** 95% Wilson interval of the positive-label rate. */
  positiveInterval: Interval | null;
};

/** Groups rows by `key` (rows where it is undefined are left out) and summarises quality and labels per group. */
export function qualityByGroup(rows: readonly ImportanceRow[], key: (row: ImportanceRow) => string | undefined, order?: readonly string[]): QualityGroup[] {
  const groups = new Map<string, { count: number; n: number; sum: number; squares: number; labelled: number; positive: number }>();
  for (const row of rows) {
    const group = key(row);
    if (group === undefined) continue;
    const g = groups.get(group) ?? { count: 0, n: 0, sum: 0, squares: 0, labelled: 0, positive: 0 };
    g.count++;
    if (row.quality !== null) {
      g.n++;
      g.sum += row.quality;
      g.squares += row.quality * row.quality;
    }
    if (row.label !== null) {
      g.labelled++;
      g.positive += row.label;
    }
    groups.set(group, g);
  }
  const names = order ? order.filter((name) => groups.has(name)) : [...groups.keys()].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  return names.map((group) => {
    const g = groups.get(group)!;
    const quality = meanWithInterval(g.n, g.sum, g.squares);
    return {
      group,
      count: g.count,
      // Quality lives in [0, 1]; a t interval of a small group can reach past it, so it is clipped there.
      quality: quality && { ...quality, lower: Math.max(0, quality.lower), upper: Math.min(1, quality.upper) },
      labelled: g.labelled,
      positiveRate: g.labelled > 0 ? g.positive / g.labelled : null,
      positiveInterval: wilsonInterval(g.positive, g.labelled),
    };
  });
}

/** Query-length bands in characters, instead of one group per distinct length. */
export const LENGTH_BANDS = ["0–49", "50–99", "100–199", "200–499", "500+"] as const;

export function lengthBand(length: unknown): string | undefined {
  if (typeof length !== "number") return undefined;
  if (length < 50) return LENGTH_BANDS[0];
  if (length < 100) return LENGTH_BANDS[1];
  if (length < 200) return LENGTH_BANDS[2];
  if (length < 500) return LENGTH_BANDS[3];
  return LENGTH_BANDS[4];
}
