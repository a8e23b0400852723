import type { HpValue, RunListRow } from "./runs-query";

/**
 * CSV of training runs per RFC 4180: CRLF line ends, a header row, and a field quoted when it holds a comma, a
 * double quote, CR or LF (or starts or ends with a space, which some readers trim), its quotes doubled. Values
 * are the machine ones (ISO timestamps, fractions, milliseconds), so the file reads back exactly.
 */
export type CsvValue = string | number | boolean | null | undefined;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

const RUN_COLUMNS: readonly { header: string; value: (row: RunListRow) => CsvValue }[] = [
  { header: "id", value: (row) => row.id },
  { header: "model_type", value: (row) => row.modelType },
  { header: "model_version", value: (row) => row.modelVersion },
  { header: "started_at", value: (row) => row.startedAt },
  { header: "completed_at", value: (row) => row.completedAt },
  { header: "training_duration_ms", value: (row) => row.durationMs },
  { header: "accuracy", value: (row) => row.accuracy },
  { header: "precision", value: (row) => row.precision },
  { header: "recall", value: (row) => row.recall },
  { header: "f1_score", value: (row) => row.f1 },
  { header: "training_loss", value: (row) => row.trainingLoss },
  { header: "validation_loss", value: (row) => row.validationLoss },
  { header: "training_samples", value: (row) => row.trainingSamples },
  { header: "validation_samples", value: (row) => row.validationSamples },
  { header: "test_samples", value: (row) => row.testSamples },
  { header: "feature_set_version", value: (row) => row.featureSetVersion },
  { header: "live_accuracy", value: (row) => row.liveAccuracy },
  { header: "labelled_predictions", value: (row) => row.labelledPredictions },
  { header: "notes", value: (row) => row.notes },
];

/** Objects and arrays as their JSON; scalars as themselves. */
function hpCsvValue(value: HpValue | undefined): CsvValue {
  return value !== null && typeof value === "object" ? JSON.stringify(value) : value;
}

/** The header: every run column, then `hp.<key>` for each hyperparameter column of the view. */
export function runsCsvHeader(hpKeys: readonly string[]): string {
  return csvLine([...RUN_COLUMNS.map((column) => column.header), ...hpKeys.map((key) => `hp.${key}`)]);
}

export function runCsvLine(row: RunListRow, hpKeys: readonly string[]): string {
  return csvLine([...RUN_COLUMNS.map((column) => column.value(row)), ...hpKeys.map((key) => hpCsvValue(row.hyperparameters[key]))]);
}
