/**
 * Predictions and actual values are stored as JSON text (model_predictions.prediction, actual_value). Every model
 * type predicts a label (a query type, a profile, a tool budget), so a value is read as a label: a JSON string is
 * its text, a number or boolean its JSON spelling, an object its JSON with sorted keys.
 */

export const PREDICTION_TYPES = ["classification", "routing", "optimization"] as const;
export type PredictionType = (typeof PREDICTION_TYPES)[number];

/** What each model type predicts: a classifier's predictions are classifications, and so on. */
export const PREDICTION_TYPE_OF_MODEL = {
  classifier: "classification",
  routing: "routing",
  optimization: "optimization",
} as const satisfies Record<string, PredictionType>;

export function isPredictionType(value: string): value is PredictionType {
  return (PREDICTION_TYPES as readonly string[]).includes(value);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The label a stored JSON value stands for: '"factual"' → "factual", '3' → "3", '{"b":1,"a":2}' → '{"a":2,"b":1}'. */
export function labelOf(json: string): string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  return typeof value === "string" ? value : canonical(value);
}

/** How a label recorded by a person is stored: as a JSON string. */
export function storedLabel(label: string): string {
  return JSON.stringify(label);
}

/**
 * Whether a prediction is right: its label equals the actual label, exactly (case and spacing count, as in
 * scikit-learn). The one rule behind is_correct, for ground truth recorded by hand, by CSV upload, and the
 * seeder's data (checked by a test). The prediction type is part of the signature so a type with its own rule
 * (a tolerance for a numeric optimisation target, say) has one place to get it; all three types are labels today.
 */
export function isPredictionCorrect(_type: PredictionType, predictionJson: string, actualJson: string): boolean {
  return labelOf(predictionJson) === labelOf(actualJson);
}
