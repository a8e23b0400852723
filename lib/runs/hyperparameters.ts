/**
 * Hyperparameters as people read and compare them: a run's JSON object shown key by key, nested values
 * pretty-printed, and the keys on which runs differ.
 */
export type Hyperparameters = Record<string, unknown>;

/** The run's hyperparameters column; the schema's CHECK guarantees a JSON object, so anything else is a bug. */
export function parseHyperparameters(json: string): Hyperparameters {
  const value: unknown = JSON.parse(json);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new TypeError("hyperparameters must be a JSON object");
  }
  return value as Hyperparameters;
}

export type HyperparameterValue = {
  kind: "string" | "number" | "boolean" | "null" | "array" | "object";
  /** The value for display: strings as they are, numbers as JSON writes them, nested values as JSON. */
  text: string;
  /** Nested values too long for one line are pretty-printed over several. */
  multiline: boolean;
};

/** One line of JSON with a space after each separator: {"name": "adam", "betas": [0.9, 0.999]}. */
function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}: ${inlineJson(item)}`)
      .join(", ")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

const INLINE_LIMIT = 48;

export function formatHyperparameterValue(value: unknown): HyperparameterValue {
  if (typeof value === "string") return { kind: "string", text: value, multiline: false };
  if (typeof value === "number") return { kind: "number", text: JSON.stringify(value), multiline: false };
  if (typeof value === "boolean") return { kind: "boolean", text: String(value), multiline: false };
  if (value === null || value === undefined) return { kind: "null", text: "null", multiline: false };
  const kind = Array.isArray(value) ? "array" : "object";
  const inline = inlineJson(value);
  if (inline.length <= INLINE_LIMIT) return { kind, text: inline, multiline: false };
  return { kind, text: JSON.stringify(value, null, 2), multiline: true };
}

/** Key by key, in the order the run's JSON lists them. */
export function hyperparameterEntries(hyperparameters: Hyperparameters): { key: string; value: HyperparameterValue }[] {
  return Object.entries(hyperparameters).map(([key, value]) => ({ key, value: formatHyperparameterValue(value) }));
}

/**
 * Deep equality of JSON values: objects by their keys regardless of order, arrays element by element in order,
 * numbers and strings by value (so 0.1 equals 0.10 once parsed, and "1" never equals 1).
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  if (aKeys.length !== Object.keys(bRecord).length) return false;
  return aKeys.every((key) => Object.hasOwn(bRecord, key) && jsonEqual((a as Record<string, unknown>)[key], bRecord[key]));
}

export type HyperparameterRow = {
  key: string;
  /** One per run, in the runs' order; null where the run does not set the key. */
  values: (HyperparameterValue | null)[];
  /** True when any two runs disagree: a different value, or one sets the key and another does not. */
  differs: boolean;
};

/** Every key any run sets, in order of first appearance, with each run's value and whether they differ. */
export function diffHyperparameters(sets: readonly Hyperparameters[]): HyperparameterRow[] {
  const keys = [...new Set(sets.flatMap((set) => Object.keys(set)))];
  return keys.map((key) => {
    const present = sets.map((set) => Object.hasOwn(set, key));
    const [first, ...rest] = sets;
    const differs =
      present.some((isPresent) => !isPresent) || rest.some((set) => !jsonEqual(first![key], set[key]));
    return {
      key,
      values: sets.map((set, i) => (present[i] ? formatHyperparameterValue(set[key]) : null)),
      differs,
    };
  });
}
