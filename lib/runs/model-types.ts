/** The model types the schema allows (model_training_runs.model_type CHECK), in display order. */
export const MODEL_TYPES = ["classifier", "routing", "optimization"] as const;

export type ModelType = (typeof MODEL_TYPES)[number];

export const MODEL_TYPE_LABELS: Record<ModelType, string> = {
  classifier: "Classifier",
  routing: "Routing",
  optimization: "Optimization",
};

export function isModelType(value: string): value is ModelType {
  return (MODEL_TYPES as readonly string[]).includes(value);
}
