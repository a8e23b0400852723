/**
 * Coercions from what a form sends (strings, blank for "not given") or what JSON sends (numbers, null) to typed
 * values, each refusing bad input with a message in plain words that names the field.
 */
import { z } from "zod";

/** A form value or a JSON value, as text; blank means "not given". */
export function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && !(typeof Blob !== "undefined" && value instanceof Blob)) return JSON.stringify(value);
  return "";
}

export const text = z.preprocess(asText, z.string());

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

export function numberField(rule: NumberRule & { required: true }): z.ZodType<number, unknown>;
export function numberField(rule: NumberRule & { required: false }): z.ZodType<number | null, unknown>;
export function numberField(rule: NumberRule): z.ZodType<number | null, unknown> {
  const kind = rule.integer ? `a whole number${rule.unit ? ` of ${rule.unit}` : ""}` : "a number";
  const type = rule.integer ? "integer" : "number";
  // What the API documents (lib/api/openapi.ts): the JSON the transform accepts, which zod cannot infer.
  const documented = {
    type: rule.required ? type : [type, "null"],
    minimum: 0,
    ...(rule.fraction ? { maximum: 1 } : {}),
    description: rule.label + (rule.unit ? ` (${rule.unit})` : ""),
    examples: [Number(rule.example)],
  };
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
  }).meta(documented);
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

export function dateTimeField(label: string, required: true): z.ZodType<string, unknown>;
export function dateTimeField(label: string, required: false): z.ZodType<string | null, unknown>;
export function dateTimeField(label: string, required: boolean): z.ZodType<string | null, unknown> {
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
  }).meta({ type: required ? "string" : ["string", "null"], format: "date-time", description: `When training ${label.toLowerCase()} (UTC)`, examples: ["2026-11-20T14:30:00.000Z"] });
}

export function optionalText(label: string, max: number) {
  return text.transform((raw, ctx): string | null => {
    const value = raw.trim();
    if (value.length > max) {
      ctx.addIssue(`${label} must be at most ${max.toLocaleString("en-US")} characters (it has ${value.length.toLocaleString("en-US")}).`);
      return z.NEVER;
    }
    return value === "" ? null : value;
  }).meta({ type: ["string", "null"], maxLength: max, description: label });
}
