/**
 * What the API accepts for a run beyond registration (registerRunSchema in ./schema.ts, the form's schema):
 * tags, completing a run with its final metrics, and editing notes and tags. Limits mirror run_tags' CHECKs.
 */
import { z } from "zod";
import { dateTimeField, numberField, optionalText } from "./schema-fields";
import { REGISTER_RUN_LIMITS } from "./schema";

export const MAX_TAG_LENGTH = 64;
export const MAX_TAGS = 50;

const tag = z
  .string({ error: "A tag must be text." })
  .trim()
  .min(1, "A tag cannot be empty.")
  .max(MAX_TAG_LENGTH, `A tag must be at most ${MAX_TAG_LENGTH} characters.`)
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), "A tag must be one line of text.");

export const tagList = z.array(tag).max(MAX_TAGS, `A run takes at most ${MAX_TAGS} tags at once.`);

/** Extra fields of POST /api/v1/runs next to the registration fields. */
export const runTagsSchema = z.object({ tags: tagList.default([]) });

const metric = (label: string, example: string) => numberField({ label, required: false, fraction: true, example }).meta({ type: ["number", "null"], minimum: 0, maximum: 1 });
const loss = (label: string, example: string) => numberField({ label, required: false, example }).meta({ type: ["number", "null"], minimum: 0 });
const samples = (label: string, example: string) => numberField({ label, required: false, integer: true, example }).meta({ type: ["integer", "null"], minimum: 0 });

/** POST /api/v1/runs/{id}/complete: when training finished and its final metrics (each optional). */
export const completeRunSchema = z
  .object({
    completedAt: dateTimeField("completed", true).meta({ type: "string", format: "date-time", description: "When training finished (UTC)." }),
    trainingDurationMs: samples("Training duration", "5400000"),
    validationSamples: samples("Validation samples", "2500"),
    testSamples: samples("Test samples", "2500"),
    accuracy: metric("Accuracy", "0.913"),
    precision: metric("Precision", "0.905"),
    recall: metric("Recall", "0.921"),
    f1Score: metric("F1 score", "0.913"),
    trainingLoss: loss("Training loss", "0.215"),
    validationLoss: loss("Validation loss", "0.248"),
  })
  .meta({ required: ["completedAt"] });
export type CompleteRunInput = z.output<typeof completeRunSchema>;

/** PATCH /api/v1/runs/{id}: replace the notes (null clears them), add and remove tags. */
export const updateRunSchema = z.object({
  notes: optionalText("Notes", REGISTER_RUN_LIMITS.notes).optional().meta({ type: ["string", "null"], maxLength: REGISTER_RUN_LIMITS.notes }),
  addTags: tagList.optional(),
  removeTags: tagList.optional(),
});
export type UpdateRunInput = z.output<typeof updateRunSchema>;
