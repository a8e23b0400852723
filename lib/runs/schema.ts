/**
 * What registering a training run accepts: the one definition the form (field names, labels, limits), the
 * server action and a future API route share. Input is what a form sends (strings, blank for "not given") or
 * what JSON sends (numbers, null, an object for the hyperparameters); output is typed, normalised and in the
 * database's formats (ISO 8601 UTC timestamps, null for absent values).
 */
import { z } from "zod";
import { MODEL_TYPES, type ModelType } from "./model-types";
import { asText, dateTimeField, numberField, optionalText, text } from "./schema-fields";
import { parseSemver } from "./semver";

export { parseUtcDateTime } from "./schema-fields";

export const REGISTER_RUN_FIELDS = [
  "modelType",
  "modelVersion",
  "featureSetVersion",
  "startedAt",
  "completedAt",
  "trainingDurationMs",
  "trainingSamples",
  "validationSamples",
  "testSamples",
  "accuracy",
  "precision",
  "recall",
  "f1Score",
  "trainingLoss",
  "validationLoss",
  "hyperparameters",
  "notes",
  "trainingDataSnapshotId",
] as const;

export type RegisterRunField = (typeof REGISTER_RUN_FIELDS)[number];

export const REGISTER_RUN_LABELS: Record<RegisterRunField, string> = {
  modelType: "Model type",
  modelVersion: "Version",
  featureSetVersion: "Feature set version",
  startedAt: "Started",
  completedAt: "Completed",
  trainingDurationMs: "Training duration (ms)",
  trainingSamples: "Training samples",
  validationSamples: "Validation samples",
  testSamples: "Test samples",
  accuracy: "Accuracy",
  precision: "Precision",
  recall: "Recall",
  f1Score: "F1 score",
  trainingLoss: "Training loss",
  validationLoss: "Validation loss",
  hyperparameters: "Hyperparameters",
  notes: "Notes",
  trainingDataSnapshotId: "Training-data snapshot",
};

export const REGISTER_RUN_LIMITS = {
  modelVersion: 64,
  featureSetVersion: 100,
  hyperparameters: 20_000,
  notes: 5_000,
} as const;

const modelType = text.transform((raw, ctx): ModelType => {
  const value = raw.trim();
  const type = MODEL_TYPES.find((candidate) => candidate === value);
  if (!type) {
    ctx.addIssue(`Choose the model type: ${MODEL_TYPES.join(", ")}.`);
    return z.NEVER;
  }
  return type;
}).meta({ type: "string", enum: [...MODEL_TYPES], description: "Model type" });

const modelVersion = text.transform((raw, ctx) => {
  const value = raw.trim();
  if (value === "") {
    ctx.addIssue("Enter the version, such as 1.4.0.");
    return z.NEVER;
  }
  if (value.length > REGISTER_RUN_LIMITS.modelVersion) {
    ctx.addIssue(`The version must be at most ${REGISTER_RUN_LIMITS.modelVersion} characters.`);
    return z.NEVER;
  }
  if (!parseSemver(value)) {
    ctx.addIssue(`“${value}” is not a semantic version. Use MAJOR.MINOR.PATCH, such as 1.4.0 or 2.0.0-rc.1.`);
    return z.NEVER;
  }
  return value;
}).meta({ type: "string", maxLength: REGISTER_RUN_LIMITS.modelVersion, description: "Semantic version, unique per model type", examples: ["2.4.0", "2.5.0-rc.1"] });

function hasNonFiniteNumber(value: unknown): boolean {
  if (typeof value === "number") return !Number.isFinite(value);
  if (value !== null && typeof value === "object") return Object.values(value).some(hasNonFiniteNumber);
  return false;
}

const JSON_KIND = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`);

const hyperparameters = text.transform((raw, ctx): Record<string, unknown> => {
  const value = raw.trim();
  if (value === "") return {};
  if (value.length > REGISTER_RUN_LIMITS.hyperparameters) {
    ctx.addIssue(`Hyperparameters must be at most ${REGISTER_RUN_LIMITS.hyperparameters.toLocaleString("en-US")} characters of JSON.`);
    return z.NEVER;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    ctx.addIssue(`Hyperparameters are not valid JSON: ${(error as Error).message}.`);
    return z.NEVER;
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    ctx.addIssue(`Hyperparameters must be a JSON object, such as {"learning_rate": 0.001}, not ${JSON_KIND(parsed)}.`);
    return z.NEVER;
  }
  // JSON.parse reads 1e400 as Infinity, which would be stored as null without a word.
  if (hasNonFiniteNumber(parsed)) {
    ctx.addIssue("Hyperparameters contain a number too large to store; write it as a string if it must be kept.");
    return z.NEVER;
  }
  return parsed as Record<string, unknown>;
}).meta({ type: ["object", "string"], description: "Hyperparameters: a JSON object (or its JSON text)", examples: [{ learning_rate: 0.001, optimizer: "adam" }] });

const datesInOrder = (run: { startedAt: string; completedAt: string | null }) =>
  run.completedAt === null || run.completedAt >= run.startedAt;

export const registerRunSchema = z
  .object({
    modelType,
    modelVersion,
    featureSetVersion: optionalText("Feature set version", REGISTER_RUN_LIMITS.featureSetVersion),
    startedAt: dateTimeField("started", true),
    completedAt: dateTimeField("completed", false),
    trainingDurationMs: numberField({ label: "Training duration", required: false, integer: true, unit: "milliseconds", example: "5400000" }),
    trainingSamples: numberField({ label: "Training samples", required: true, integer: true, example: "12000" }),
    validationSamples: numberField({ label: "Validation samples", required: false, integer: true, example: "2500" }),
    testSamples: numberField({ label: "Test samples", required: false, integer: true, example: "2500" }),
    accuracy: numberField({ label: "Accuracy", required: false, fraction: true, example: "0.913" }),
    precision: numberField({ label: "Precision", required: false, fraction: true, example: "0.905" }),
    recall: numberField({ label: "Recall", required: false, fraction: true, example: "0.921" }),
    f1Score: numberField({ label: "F1 score", required: false, fraction: true, example: "0.913" }),
    trainingLoss: numberField({ label: "Training loss", required: false, example: "0.215" }),
    validationLoss: numberField({ label: "Validation loss", required: false, example: "0.248" }),
    hyperparameters,
    notes: optionalText("Notes", REGISTER_RUN_LIMITS.notes),
    // Checked to exist when the run is written (register-run.ts), in the same transaction.
    trainingDataSnapshotId: optionalText("Training-data snapshot", 100),
  })
  // Checked even while other fields have errors, so every problem shows at once; only the two dates must parse.
  .refine(datesInOrder, {
    path: ["completedAt"],
    message: "Completed must not be before started.",
    when: (payload) => !payload.issues.some((issue) => issue.path?.[0] === "startedAt" || issue.path?.[0] === "completedAt"),
  })
  .meta({ required: ["modelType", "modelVersion", "startedAt", "trainingSamples"] });

export type RegisterRunInput = z.output<typeof registerRunSchema>;

export type RegisterRunFieldErrors = Partial<Record<RegisterRunField, string[]>>;

/** What the user typed, field by field, so a refused form comes back as they left it. */
export type RegisterRunValues = Record<RegisterRunField, string>;

/** The state the register form's action returns; on success it redirects instead. */
export type RegisterRunFormState = {
  ok: false;
  message: string;
  fieldErrors: RegisterRunFieldErrors;
  values: RegisterRunValues;
  /** When the version is taken: the run that holds it. */
  existingRunId?: string;
};

export type RegisterRunParse =
  | { ok: true; data: RegisterRunInput }
  | { ok: false; fieldErrors: RegisterRunFieldErrors; message: string };

type Source = FormData | Record<string, unknown>;

const read = (source: Source, field: RegisterRunField): unknown =>
  source instanceof FormData ? source.get(field) : source[field];

export function registerRunValues(source: Source): RegisterRunValues {
  return Object.fromEntries(REGISTER_RUN_FIELDS.map((field) => [field, asText(read(source, field))])) as RegisterRunValues;
}

export function invalidFieldsMessage(count: number): string {
  return count === 1 ? "One field needs attention; nothing was saved." : `${count} fields need attention; nothing was saved.`;
}

/** Parses a submitted form (or a JSON body) into a run to register, or the message for each field that is wrong. */
export function parseRegisterRun(source: Source): RegisterRunParse {
  const input = Object.fromEntries(REGISTER_RUN_FIELDS.map((field) => [field, read(source, field)]));
  const result = registerRunSchema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: RegisterRunFieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as RegisterRunField;
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return { ok: false, fieldErrors, message: invalidFieldsMessage(Object.keys(fieldErrors).length) };
}
