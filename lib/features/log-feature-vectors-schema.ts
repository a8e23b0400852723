import { z } from "zod";
import { freeText, isoTimestamp, optionalId, reference } from "@/lib/api/fields";

export const MAX_EMBEDDING_DIM = 4_096;
export const MAX_FEATURES = 1_000;

/**
 * One feature vector a pipeline logs (POST /api/v1/feature-vectors): a query's embedding and its named features.
 * Mirrors feature_vectors' CHECKs: the embedding is a non-empty JSON array (its length is stored as
 * embedding_dim), features a JSON object.
 */
export const logFeatureVectorSchema = z.object({
  id: optionalId,
  queryId: reference("query"),
  computedAt: isoTimestamp.optional().describe("When the vector was computed; now when left out."),
  embedding: z
    .array(z.number({ error: "Each embedding value must be a finite number." }).refine(Number.isFinite, "Each embedding value must be a finite number."), {
      error: "The embedding must be an array of numbers.",
    })
    .min(1, "The embedding cannot be empty.")
    .max(MAX_EMBEDDING_DIM, `The embedding has at most ${MAX_EMBEDDING_DIM.toLocaleString("en-US")} dimensions.`),
  embeddingModel: freeText("The embedding model", 200).nullable().optional(),
  features: z
    .record(z.string().max(200, "A feature name is at most 200 characters."), z.json())
    .refine((features) => Object.keys(features).length <= MAX_FEATURES, `At most ${MAX_FEATURES.toLocaleString("en-US")} features per vector.`)
    .nullable()
    .optional(),
  featureVersion: freeText("The feature version", 100).nullable().optional(),
});

export type LogFeatureVectorInput = z.output<typeof logFeatureVectorSchema>;
