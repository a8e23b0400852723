import { z } from "zod";
import { invalidFieldsMessage } from "@/lib/runs/schema";

/** The privacy centre's forms: erasure / access by session or subject, and a differentially private release. */

export type FieldErrors<Field extends string> = Partial<Record<Field, string[]>>;

export type FormState<Field extends string> =
  | { ok: false; message: string; fieldErrors: FieldErrors<Field>; values: Record<Field, string> }
  | { ok: true; message: string; values: Record<Field, string> };

const text = (value: unknown) => (typeof value === "string" ? value : "");

function parseWith<Field extends string, Output>(schema: z.ZodType<Output>, fields: readonly Field[], formData: FormData) {
  const values = Object.fromEntries(fields.map((field) => [field, text(formData.get(field))])) as Record<Field, string>;
  const result = schema.safeParse(values);
  if (result.success) return { ok: true as const, data: result.data, values };
  const fieldErrors: FieldErrors<Field> = {};
  for (const issue of result.error.issues) (fieldErrors[issue.path[0] as Field] ??= []).push(issue.message);
  return { ok: false as const, fieldErrors, values, message: invalidFieldsMessage(Object.keys(fieldErrors).length) };
}

export const ERASURE_FIELDS = ["scope", "id", "confirm"] as const;
export type ErasureField = (typeof ERASURE_FIELDS)[number];

const SUBJECT_HASH = /^[0-9a-f]{64}$/;

export const erasureSchema = z
  .object({
    scope: z.enum(["session", "subject"], { error: "Choose whether to erase a session or a subject." }),
    id: z.string().trim().min(1, "Enter the session id or the subject hash.").max(200, "That id is too long to be one of ours."),
    confirm: z.literal("erase", { error: 'Type "erase" to confirm: erasure cannot be undone.' }),
  })
  .refine((value) => value.scope !== "subject" || SUBJECT_HASH.test(value.id), {
    path: ["id"],
    message: "A subject is named by its 64-character lower-case hex hash (sessions.subject_id).",
  });

export const parseErasure = (formData: FormData) => parseWith(erasureSchema, ERASURE_FIELDS, formData);

export const accessSchema = z.object({
  scope: z.enum(["session", "subject"], { error: "Choose session or subject." }),
  id: z.string().trim().min(1, "Enter the session id or the subject hash.").max(200),
});

export const SHARE_FIELDS = ["epsilon", "days"] as const;
export type ShareField = (typeof SHARE_FIELDS)[number];

export const MAX_EPSILON_PER_RELEASE = 5;

export const shareSchema = z.object({
  epsilon: z.coerce
    .number({ error: "ε must be a number, such as 0.5." })
    .gt(0, "ε must be greater than 0.")
    .max(MAX_EPSILON_PER_RELEASE, `One release may spend at most ε = ${MAX_EPSILON_PER_RELEASE}.`),
  days: z.coerce
    .number({ error: "Days must be a whole number." })
    .int("Days must be a whole number.")
    .min(1, "Share at least 1 day.")
    .max(90, "Share at most 90 days."),
});

export const parseShare = (formData: FormData) => parseWith(shareSchema, SHARE_FIELDS, formData);
