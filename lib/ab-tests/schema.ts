/**
 * What creating and closing an A/B test accept: the one definition the forms, the server actions and any API
 * route share. Input is what a form sends (strings; a checkbox sends "on" or nothing), output typed and in the
 * database's formats.
 */
import { z } from "zod";
import { parseUtcDateTime, text } from "@/lib/runs/schema-fields";
import { formValues, parseForm, type FormParse } from "./form-parse";

export const AB_TEST_LIMITS = { name: 120, notes: 2_000, decidedBy: 80, reason: 2_000 } as const;

/** The minimum detectable effect the page starts with, in percentage points of success rate. */
export const DEFAULT_MDE_POINTS = 2;
export const MDE_POINTS_RANGE = { min: 0.1, max: 50 } as const;

const requiredText = (label: string, max: number, missing: string) =>
  text.transform((raw, ctx) => {
    const value = raw.trim();
    if (value === "") {
      ctx.addIssue(missing);
      return z.NEVER;
    }
    if (value.length > max) {
      ctx.addIssue(`${label} must be at most ${max.toLocaleString("en-US")} characters (it has ${value.length.toLocaleString("en-US")}).`);
      return z.NEVER;
    }
    return value;
  });

const optionalText = (label: string, max: number) =>
  text.transform((raw, ctx): string | null => {
    const value = raw.trim();
    if (value.length > max) {
      ctx.addIssue(`${label} must be at most ${max.toLocaleString("en-US")} characters (it has ${value.length.toLocaleString("en-US")}).`);
      return z.NEVER;
    }
    return value === "" ? null : value;
  });

const runId = (variant: "A" | "B") =>
  text.transform((raw, ctx) => {
    const value = raw.trim();
    if (value === "") {
      ctx.addIssue(`Choose the model version of variant ${variant}.`);
      return z.NEVER;
    }
    return value;
  });

/** The share of traffic for B, entered as a percentage: "50" → 0.5. */
const trafficSplit = text.transform((raw, ctx) => {
  const value = raw.trim().replace(/%$/, "");
  const percent = /^\d+(?:\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!(percent >= 1 && percent <= 99)) {
    ctx.addIssue("Enter B's share of traffic as a percentage from 1 to 99, such as 50.");
    return z.NEVER;
  }
  return percent / 100;
});

const startedAt = text.transform((raw, ctx): string | null => {
  const value = raw.trim();
  if (value === "") return null;
  const iso = parseUtcDateTime(value);
  if (iso === null) {
    ctx.addIssue("Enter a date and time in UTC that exists, such as 2026-11-20 14:30, or leave it empty for now.");
    return z.NEVER;
  }
  if (iso > new Date().toISOString()) {
    ctx.addIssue("The start cannot be in the future; leave it empty to start now.");
    return z.NEVER;
  }
  return iso;
});

export const CREATE_AB_TEST_FIELDS = ["name", "variantARunId", "variantBRunId", "trafficSplit", "startedAt", "notes"] as const;
export type CreateAbTestField = (typeof CREATE_AB_TEST_FIELDS)[number];

export const createAbTestSchema = z
  .object({
    // .meta: what the API documents (lib/api/openapi.ts) for these form fields, which zod cannot infer.
    name: requiredText("The name", AB_TEST_LIMITS.name, "Name the test, such as “classifier 2.4.0 vs 2.3.1”.").meta({ type: "string", maxLength: AB_TEST_LIMITS.name, description: "The test's name" }),
    variantARunId: runId("A").meta({ type: "string", description: "Training run id of variant A (the control)" }),
    variantBRunId: runId("B").meta({ type: "string", description: "Training run id of variant B, another version of the same model type" }),
    trafficSplit: trafficSplit.meta({ type: ["number", "string"], minimum: 1, maximum: 99, description: "B's share of traffic in percent", examples: [50] }),
    startedAt: startedAt.meta({ type: ["string", "null"], format: "date-time", description: "When the test started (UTC, not in the future); now when left out" }),
    notes: optionalText("The hypothesis", AB_TEST_LIMITS.notes).meta({ type: ["string", "null"], maxLength: AB_TEST_LIMITS.notes, description: "The hypothesis" }),
  })
  .refine((input) => input.variantARunId !== input.variantBRunId, {
    path: ["variantBRunId"],
    message: "Variant B must be a different model version from variant A.",
    when: (payload) => !payload.issues.some((issue) => issue.path?.[0] === "variantARunId" || issue.path?.[0] === "variantBRunId"),
  })
  .meta({ required: ["name", "variantARunId", "variantBRunId", "trafficSplit"] });

export type CreateAbTestInput = z.output<typeof createAbTestSchema>;
export type CreateAbTestFieldErrors = Partial<Record<CreateAbTestField, string[]>>;
export type CreateAbTestFormState = { ok: false; message: string; fieldErrors: CreateAbTestFieldErrors; values: Record<CreateAbTestField, string> };

export const parseCreateAbTest = (source: FormData | Record<string, unknown>): FormParse<CreateAbTestInput, CreateAbTestField> =>
  parseForm(createAbTestSchema, CREATE_AB_TEST_FIELDS, source);
export const createAbTestValues = (source: FormData | Record<string, unknown>) => formValues(CREATE_AB_TEST_FIELDS, source);

export const WINNERS = ["A", "B", "tie"] as const;
export type Winner = (typeof WINNERS)[number];

export const CLOSE_AB_TEST_FIELDS = ["winner", "decidedBy", "reason", "override", "overrideReason", "mdePoints"] as const;
export type CloseAbTestField = (typeof CLOSE_AB_TEST_FIELDS)[number];

const winner = text.transform((raw, ctx): Winner => {
  const value = raw.trim();
  const found = WINNERS.find((candidate) => candidate === value);
  if (!found) {
    ctx.addIssue(value === "" ? "Choose the winner: A, B or tie." : `“${value.slice(0, 20)}” is not a variant of this test; choose A, B or tie.`);
    return z.NEVER;
  }
  return found;
});

/** A checkbox: "on" (or "true") when ticked, absent otherwise. */
const checkbox = text.transform((raw) => raw === "on" || raw === "true");

export const mdePoints = text.transform((raw, ctx): number => {
  const value = raw.trim();
  if (value === "") return DEFAULT_MDE_POINTS;
  const points = /^\d+(?:\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!(points >= MDE_POINTS_RANGE.min && points <= MDE_POINTS_RANGE.max)) {
    ctx.addIssue(`The minimum detectable effect must be between ${MDE_POINTS_RANGE.min} and ${MDE_POINTS_RANGE.max} percentage points.`);
    return z.NEVER;
  }
  return points;
});

export const closeAbTestSchema = z
  .object({
    winner,
    decidedBy: requiredText("The name", AB_TEST_LIMITS.decidedBy, "Enter who decides, such as your name or team handle."),
    reason: requiredText("The reason", AB_TEST_LIMITS.reason, "Give the reason for this decision."),
    override: checkbox,
    overrideReason: optionalText("The override reason", AB_TEST_LIMITS.reason),
    mdePoints,
  })
  .refine((input) => !input.override || input.overrideReason !== null, {
    path: ["overrideReason"],
    message: "Explain why you decide despite the warnings.",
    // Checked even while other fields have errors, so every problem shows at once.
    when: (payload) => !payload.issues.some((issue) => issue.path?.[0] === "override" || issue.path?.[0] === "overrideReason"),
  });

export type CloseAbTestInput = z.output<typeof closeAbTestSchema>;
export type CloseAbTestFieldErrors = Partial<Record<CloseAbTestField, string[]>>;
export type CloseAbTestFormState = {
  ok: false;
  message: string;
  fieldErrors: CloseAbTestFieldErrors;
  values: Record<CloseAbTestField, string>;
};

export const parseCloseAbTest = (source: FormData | Record<string, unknown>): FormParse<CloseAbTestInput, CloseAbTestField> =>
  parseForm(closeAbTestSchema, CLOSE_AB_TEST_FIELDS, source);
export const closeAbTestValues = (source: FormData | Record<string, unknown>) => formValues(CLOSE_AB_TEST_FIELDS, source);
