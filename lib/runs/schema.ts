/**
 * What registering a training run accepts: the one definition the form (field names, labels, limits), the
 * server action and a future API route share. Input is what a form sends (strings, blank for "not given") or
 * what JSON sends (numbers, null, an object for the hyperparameters); output is typed, normalised and in the
 * database's formats (ISO 8601 UTC timestamps, null for absent values).
 */
import { z } from "zod";
import { MODEL_TYPES, type ModelType } from "./model-types";
import { parseSemver } from "./semver";

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
};

export const REGISTER_RUN_LIMITS = {
  modelVersion: 64,
  featureSetVersion: 100,
  hyperparameters: 20_000,
  notes: 5_000,
} as const;

/** A form value or a JSON value, as text; blank means "not given". */
function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && !(typeof Blob !== "undefined" && value instanceof Blob)) return JSON.stringify(value);
  return "";
}

const text = z.preprocess(asText, z.string());

// A plain decimal: no hex, no thousands separators, no "Infinity"; an exponent is fine (3e-4).
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

type NumberRule = {
  label: string;
  required: boolean;
  integer?: boolean;
  /** A fraction in [0, 1]. */
  fraction?: boolean;
  example: string;
  unit?: string;
};

function numberField(rule: NumberRule & { required: true }): z.ZodType<number, unknown>;
function numberField(rule: NumberRule & { required: false }): z.ZodType<number | null, unknown>;
function numberField(rule: NumberRule): z.ZodType<number | null, unknown> {
  const kind = rule.integer ? `a whole number${rule.unit ? ` of ${rule.unit}` : ""}` : "a number";
  return text.transform((raw, ctx) => {
    const value = raw.trim();
    if (value === "") {
      if (rule.required) ctx.addIssue(`Enter the ${rule.label.toLowerCase()}.`);
      return rule.required ? z.NEVER : null;
    }
    if (!DECIMAL.test(value)) {
      ctx.addIssue(
        rule.fraction
          ? `${rule.label} must be a number between 0 and 1, such as ${rule.example}.`
          : `${rule.label} must be ${kind}, such as ${rule.example}.`,
      );
      return z.NEVER;
    }
    const number = Number(value);
    if (rule.fraction) {
      if (number < 0 || number > 1) {
        ctx.addIssue(
          // 91.3 is most likely a percentage; 1.5 more likely a typo than 1.5%.
          number >= 2 && number <= 100
            ? `${rule.label} must be between 0 and 1: enter ${value}% as ${Number((number / 100).toPrecision(6))}.`
            : `${rule.label} must be between 0 and 1.`,
        );
        return z.NEVER;
      }
      return number;
    }
    if (number < 0) {
      ctx.addIssue(`${rule.label} cannot be negative.`);
      return z.NEVER;
    }
    if (rule.integer && !Number.isInteger(number)) {
      ctx.addIssue(`${rule.label} must be ${kind}, not a fraction.`);
      return z.NEVER;
    }
    if (!Number.isFinite(number) || (rule.integer && !Number.isSafeInteger(number))) {
      ctx.addIssue(`${rule.label} is too large.`);
      return z.NEVER;
    }
    return number;
  });
}

// What <input type="datetime-local"> sends (seconds and milliseconds optional), or a full ISO timestamp in UTC.
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z?$/;

/**
 * A date and time read as UTC, in the database's format ('YYYY-MM-DDTHH:MM:SS.SSSZ'). A day that does not
 * exist (2026-02-30) is refused, not rolled over into March.
 */
export function parseUtcDateTime(value: string): string | null {
  const match = DATETIME.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second = "0", millis = "0"] = match;
  const parts = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const time = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5], Number(millis.padEnd(3, "0")));
  const date = new Date(time);
  const roundTrips =
    date.getUTCFullYear() === parts[0] &&
    date.getUTCMonth() === parts[1] - 1 &&
    date.getUTCDate() === parts[2] &&
    date.getUTCHours() === parts[3] &&
    date.getUTCMinutes() === parts[4] &&
    date.getUTCSeconds() === parts[5];
  return roundTrips ? date.toISOString() : null;
}

/** The value a datetime-local input shows for an ISO timestamp: '2026-11-20T14:30:05'. */
export function toDateTimeLocal(iso: string): string {
  return iso.slice(0, 19);
}

function dateTimeField(label: string, required: true): z.ZodType<string, unknown>;
function dateTimeField(label: string, required: false): z.ZodType<string | null, unknown>;
function dateTimeField(label: string, required: boolean): z.ZodType<string | null, unknown> {
  return text.transform((raw, ctx): string | null => {
    const value = raw.trim();
    if (value === "") {
      if (required) ctx.addIssue(`Enter when training ${label.toLowerCase()}.`);
      return required ? z.NEVER : null;
    }
    if (!DATETIME.test(value)) {
      ctx.addIssue("Enter a date and time in UTC, such as 2026-11-20 14:30.");
      return z.NEVER;
    }
    const iso = parseUtcDateTime(value);
    if (iso === null) {
      ctx.addIssue("That date does not exist.");
      return z.NEVER;
    }
    return iso;
  });
}

function optionalText(label: string, max: number) {
  return text.transform((raw, ctx): string | null => {
    const value = raw.trim();
    if (value.length > max) {
      ctx.addIssue(`${label} must be at most ${max.toLocaleString("en-US")} characters (it has ${value.length.toLocaleString("en-US")}).`);
      return z.NEVER;
    }
    return value === "" ? null : value;
  });
}

const modelType = text.transform((raw, ctx): ModelType => {
  const value = raw.trim();
  const type = MODEL_TYPES.find((candidate) => candidate === value);
  if (!type) {
    ctx.addIssue(`Choose the model type: ${MODEL_TYPES.join(", ")}.`);
    return z.NEVER;
  }
  return type;
});

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
});

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
  return parsed as Record<string, unknown>;
});

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
  })
  // Checked even while other fields have errors, so every problem shows at once; only the two dates must parse.
  .refine(datesInOrder, {
    path: ["completedAt"],
    message: "Completed must not be before started.",
    when: (payload) => !payload.issues.some((issue) => issue.path?.[0] === "startedAt" || issue.path?.[0] === "completedAt"),
  });

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
