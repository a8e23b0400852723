import { z } from "zod";
import { fraction, isoTimestamp, optionalId, reference } from "@/lib/api/fields";
import { actualValueSchema } from "./ground-truth-schema";
import { PREDICTION_TYPES } from "./prediction-value";

/** The most characters a prediction's JSON may take (a label, a routing decision, a small object). */
export const MAX_PREDICTION_JSON = 10_000;

/**
 * One prediction a serving process logs (POST /api/v1/predictions): which query, which run's model, what it
 * predicted (any JSON value, usually a label) with its confidence, and optionally the actual value when it is
 * already known, in which case the server computes whether the prediction was right.
 */
export const logPredictionSchema = z.object({
  id: optionalId,
  queryId: reference("query"),
  runId: reference("training run"),
  predictedAt: isoTimestamp.optional().describe("When the model predicted; now when left out."),
  predictionType: z
    .enum(PREDICTION_TYPES, { error: `The prediction type must be one of ${PREDICTION_TYPES.join(", ")}.` })
    .describe("What kind of model predicted: a classifier classifies, a router routes, an optimiser optimises."),
  prediction: z
    .json({ error: "The prediction must be a JSON value, such as \"reason\"." })
    .refine((value) => value !== null, "The prediction cannot be null.")
    .refine((value) => JSON.stringify(value).length <= MAX_PREDICTION_JSON, `The prediction must be at most ${MAX_PREDICTION_JSON.toLocaleString("en-US")} characters of JSON.`)
    .describe("The model's output, usually a label such as \"reason\"; not null."),
  confidence: fraction("Confidence").nullable().optional().describe("The model's confidence in the prediction."),
  actualValue: actualValueSchema.optional().describe("The actual label, when already known; the server computes is_correct from it."),
});

export type LogPredictionInput = z.output<typeof logPredictionSchema>;
