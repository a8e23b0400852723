import { z } from "zod";

/** The shared rules for recording ground truth, by hand on a prediction's row or by CSV upload. */

export const MAX_LABEL_LENGTH = 200;

/** An actual value as a person types it: a label, trimmed, on one line. */
export const actualValueSchema = z
  .string({ error: "Enter the actual value." })
  .trim()
  .min(1, "Enter the actual value.")
  .max(MAX_LABEL_LENGTH, `The actual value must be at most ${MAX_LABEL_LENGTH} characters.`)
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), "The actual value must be one line of text without control characters.");

export const predictionIdSchema = z
  .string({ error: "A prediction id is required." })
  .trim()
  .min(1, "A prediction id is required.")
  .max(100, "A prediction id is at most 100 characters.");

export const recordGroundTruthSchema = z.object({ predictionId: predictionIdSchema, actualValue: actualValueSchema });

export type RecordGroundTruthInput = z.output<typeof recordGroundTruthSchema>;
export type GroundTruthField = keyof RecordGroundTruthInput;
export type GroundTruthFieldErrors = Partial<Record<GroundTruthField, string[]>>;

export type GroundTruthFormState = {
  ok: boolean;
  message: string;
  fieldErrors: GroundTruthFieldErrors;
  /** What was typed, kept on refusal. */
  actualValue: string;
};

export function parseRecordGroundTruth(
  source: { predictionId: unknown; actualValue: unknown },
): { ok: true; data: RecordGroundTruthInput } | { ok: false; fieldErrors: GroundTruthFieldErrors; message: string } {
  const result = recordGroundTruthSchema.safeParse(source);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: GroundTruthFieldErrors = {};
  for (const issue of result.error.issues) (fieldErrors[issue.path[0] as GroundTruthField] ??= []).push(issue.message);
  return { ok: false, fieldErrors, message: "The ground truth was not recorded: fix the field marked below." };
}
