import { z } from "zod";
import { optionalId } from "@/lib/api/fields";
import { actualValueSchema } from "@/lib/predictions/ground-truth-schema";
import { logPredictionSchema } from "@/lib/predictions/log-predictions-schema";

/**
 * One outcome of an A/B test (POST /api/v1/ab-tests/{id}/outcomes): which variant served a query, what it
 * predicted and what the right answer was. It is stored as a labelled prediction of that variant's run, and the
 * test's counts are recomputed from them, so outcomes and the dashboard's predictions never disagree.
 */
export const abOutcomeSchema = z.object({
  id: optionalId,
  variant: z.enum(["A", "B"], { error: "The variant must be A or B." }),
  queryId: logPredictionSchema.shape.queryId,
  predictedAt: logPredictionSchema.shape.predictedAt,
  prediction: logPredictionSchema.shape.prediction,
  confidence: logPredictionSchema.shape.confidence,
  actualValue: actualValueSchema,
});

export type AbOutcomeInput = z.output<typeof abOutcomeSchema>;
