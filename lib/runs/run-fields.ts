/**
 * The runs table's vocabulary: one id per column, used alike in the URL (sort, visible columns, filters), the
 * table, the filter builder and the CSV export. Pure data, shared by server and client; the SQL behind each id is
 * in runs-sql.ts, a whitelist keyed by these ids.
 */

/** How a value is compared and shown. */
export type RunFieldKind = "type" | "version" | "date" | "duration" | "ratio" | "loss" | "count" | "text";

export const STANDARD_COLUMN_IDS = [
  "type",
  "version",
  "started",
  "completed",
  "duration",
  "accuracy",
  "precision",
  "recall",
  "f1",
  "training_loss",
  "validation_loss",
  "samples",
  "feature_set",
  "live_accuracy",
  "notes",
] as const;

export type StandardColumnId = (typeof STANDARD_COLUMN_IDS)[number];

export type StandardColumn = {
  id: StandardColumnId;
  label: string;
  kind: RunFieldKind;
  /** Shown unless the view hides it. */
  defaultVisible: boolean;
  /** Numbers and dates read best largest or newest first. */
  descFirst: boolean;
  /** Filterable in SQL at any scale (live accuracy is computed for the page's runs only). */
  filterable: boolean;
  /** What the column holds, for the column picker and header titles. */
  description: string;
};

export const STANDARD_COLUMNS: readonly StandardColumn[] = [
  { id: "type", label: "Type", kind: "type", defaultVisible: true, descFirst: false, filterable: true, description: "Model type" },
  { id: "version", label: "Version", kind: "version", defaultVisible: true, descFirst: true, filterable: true, description: "Semantic version, ordered by semver precedence" },
  { id: "started", label: "Started", kind: "date", defaultVisible: true, descFirst: true, filterable: true, description: "When training started (UTC)" },
  { id: "completed", label: "Completed", kind: "date", defaultVisible: false, descFirst: true, filterable: true, description: "When training completed (UTC); empty while running" },
  { id: "duration", label: "Duration", kind: "duration", defaultVisible: true, descFirst: true, filterable: true, description: "Training duration" },
  { id: "accuracy", label: "Accuracy", kind: "ratio", defaultVisible: true, descFirst: true, filterable: true, description: "Accuracy on the test split at training time" },
  { id: "precision", label: "Precision", kind: "ratio", defaultVisible: false, descFirst: true, filterable: true, description: "Precision at training time" },
  { id: "recall", label: "Recall", kind: "ratio", defaultVisible: false, descFirst: true, filterable: true, description: "Recall at training time" },
  { id: "f1", label: "F1", kind: "ratio", defaultVisible: true, descFirst: true, filterable: true, description: "F1 score at training time" },
  { id: "training_loss", label: "Train loss", kind: "loss", defaultVisible: true, descFirst: false, filterable: true, description: "Final training loss" },
  { id: "validation_loss", label: "Val loss", kind: "loss", defaultVisible: true, descFirst: false, filterable: true, description: "Final validation loss" },
  { id: "samples", label: "Samples", kind: "count", defaultVisible: true, descFirst: true, filterable: true, description: "Training samples" },
  { id: "feature_set", label: "Feature set", kind: "text", defaultVisible: true, descFirst: false, filterable: true, description: "Feature set version" },
  { id: "live_accuracy", label: "Live accuracy", kind: "ratio", defaultVisible: true, descFirst: true, filterable: false, description: "Accuracy on labelled live predictions" },
  { id: "notes", label: "Notes", kind: "text", defaultVisible: false, descFirst: false, filterable: true, description: "Free-text notes" },
];

const COLUMN_BY_ID = new Map(STANDARD_COLUMNS.map((column) => [column.id, column]));

export function standardColumn(id: StandardColumnId): StandardColumn {
  return COLUMN_BY_ID.get(id)!;
}

export function isStandardColumnId(id: string): id is StandardColumnId {
  return COLUMN_BY_ID.has(id as StandardColumnId);
}

export const DEFAULT_VISIBLE_COLUMNS: readonly StandardColumnId[] = STANDARD_COLUMNS.filter((c) => c.defaultVisible).map((c) => c.id);

/** Hyperparameter columns, sort keys and filter fields are `hp.<key>`, the key as stored in the JSON object. */
export const HP_PREFIX = "hp.";

export function hpFieldId(key: string): string {
  return `${HP_PREFIX}${key}`;
}

/** The key of a `hp.<key>` id, or null for any other id. */
export function hpKeyOf(id: string): string | null {
  return id.startsWith(HP_PREFIX) && id.length > HP_PREFIX.length ? id.slice(HP_PREFIX.length) : null;
}

/**
 * Hyperparameter keys are read through a JSON path `$."key"`; SQLite's path syntax has no escape for a double
 * quote inside the quotes, so such keys (and control characters) cannot be addressed and are refused.
 */
export const MAX_HP_KEY_LENGTH = 100;

export function hpKeyProblem(key: string): string | null {
  if (key.length === 0) return "a hyperparameter key cannot be empty";
  if (key.length > MAX_HP_KEY_LENGTH) return `a hyperparameter key has at most ${MAX_HP_KEY_LENGTH} characters`;
  if (/["\\\u0000-\u001f]/.test(key)) return `hyperparameter key "${key}" contains a quote, backslash or control character`;
  return null;
}

/** A label for any column id: the standard label, or the hyperparameter key itself. */
export function fieldLabel(id: string): string {
  const key = hpKeyOf(id);
  if (key !== null) return key;
  return isStandardColumnId(id) ? standardColumn(id).label : id;
}

/** Group the runs table by: model type, major version, major.minor line, or exact version string. */
export const GROUP_BY_OPTIONS = [
  { id: "type", label: "Model type" },
  { id: "major", label: "Major version" },
  { id: "minor", label: "Minor version" },
  { id: "version", label: "Exact version" },
] as const;

export type GroupBy = (typeof GROUP_BY_OPTIONS)[number]["id"];

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
