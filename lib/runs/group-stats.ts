import type { StandardColumnId } from "./run-fields";

/** The metrics the grouped view summarises, with the column each reads; shared by the query and the table. */
export const GROUP_METRICS = [
  { id: "accuracy", column: "accuracy" },
  { id: "precision", column: "precision" },
  { id: "recall", column: "recall" },
  { id: "f1", column: "f1_score" },
  { id: "training_loss", column: "training_loss" },
  { id: "validation_loss", column: "validation_loss" },
  { id: "duration", column: "training_duration_ms" },
] as const satisfies readonly { id: StandardColumnId; column: string }[];

export type GroupMetricId = (typeof GROUP_METRICS)[number]["id"];

export function isGroupMetric(id: string): id is GroupMetricId {
  return GROUP_METRICS.some((metric) => metric.id === id);
}

/** n values of the metric in the group (runs without it are not counted), their mean and sample sd. */
export type MetricStats = { n: number; mean: number | null; sd: number | null };

/**
 * The sample standard deviation from the sum of squared deviations from the mean: √(Σ(x − x̄)² / (n − 1)),
 * Bessel's correction for a sample. Undefined (null) for fewer than two values.
 */
export function sampleSd(sumOfSquaredDeviations: number, n: number): number | null {
  if (n < 2) return null;
  return Math.sqrt(Math.max(0, sumOfSquaredDeviations) / (n - 1));
}
