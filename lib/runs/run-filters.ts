import { hpKeyOf, hpKeyProblem, isStandardColumnId, standardColumn, type RunFieldKind, type StandardColumnId } from "./run-fields";
import { isModelType } from "./model-types";
import { parseSemver } from "./semver";
import { parseVersionRange, type Comparator } from "./version-range";

/**
 * The runs filter: conditions { field, op, value } combined as an OR of AND-groups, `(A AND B) OR (C AND D)`,
 * which any boolean filter over these fields can be written as (disjunctive normal form) and which fits a URL.
 * Values stay as people typed them (the URL keeps them so); checkCondition reads each into a typed operand for
 * the SQL builder, or says in words why it cannot.
 */
export const FILTER_OPS = ["eq", "neq", "lt", "lte", "gt", "gte", "contains", "range", "exists", "missing"] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export const OP_LABELS: Record<FilterOp, string> = {
  eq: "=",
  neq: "≠",
  lt: "<",
  lte: "≤",
  gt: ">",
  gte: "≥",
  contains: "contains",
  range: "in range",
  exists: "is set",
  missing: "is empty",
};

export function isFilterOp(value: string): value is FilterOp {
  return (FILTER_OPS as readonly string[]).includes(value);
}

/** A condition as the URL and the filter builder hold it. */
export type FilterCondition = { field: string; op: FilterOp; value: string };

/** A typed operand, ready for SQL. */
export type Operand =
  | { kind: "none" }
  | { kind: "text"; text: string }
  | { kind: "number"; number: number }
  /** A timestamp bound; date-only values become whole-day bounds, so `op` may differ from the condition's. */
  | { kind: "timestamp"; op: "gte" | "lt" | "eq" | "neq"; iso: string; until?: string }
  | { kind: "range"; comparators: Comparator[] }
  /** A hyperparameter value: JSON number, string or boolean. */
  | { kind: "json"; value: number | string | boolean };

export type CheckedCondition = FilterCondition & { operand: Operand };

/** OR of AND-groups. An empty list means no filter. */
export type RunFilter = CheckedCondition[][];

export const FILTER_LIMITS = { groups: 10, conditionsPerGroup: 10, valueLength: 200 } as const;

const NUMERIC_OPS: FilterOp[] = ["gte", "lte", "gt", "lt", "eq", "neq", "exists", "missing"];

/** The operators a field offers, in the order the filter builder lists them. */
export function opsForField(field: string): FilterOp[] {
  if (hpKeyOf(field) !== null) return ["eq", "neq", "gt", "gte", "lt", "lte", "exists", "missing"];
  if (!isStandardColumnId(field) || !standardColumn(field).filterable) return [];
  switch (field) {
    case "type":
      return ["eq", "neq"];
    case "version":
      return ["range", "eq", "neq", "contains"];
    case "started":
      return ["gte", "lte", "gt", "lt", "eq"];
    case "completed":
      return ["gte", "lte", "gt", "lt", "eq", "exists", "missing"];
    case "samples":
      return NUMERIC_OPS.filter((op) => op !== "exists" && op !== "missing");
    case "feature_set":
      return ["eq", "neq", "contains", "exists", "missing"];
    case "notes":
      return ["contains", "exists", "missing"];
    default:
      return NUMERIC_OPS;
  }
}

/** Whether an operator takes a value (is set / is empty do not). */
export const opTakesValue = (op: FilterOp) => op !== "exists" && op !== "missing";

/** What to type, for the filter builder's placeholder. */
export function valueHint(field: string, op: FilterOp): string {
  if (!opTakesValue(op)) return "";
  if (hpKeyOf(field) !== null) return op === "eq" || op === "neq" ? "0.001, adam, true" : "a number";
  if (!isStandardColumnId(field)) return "";
  const kind = standardColumn(field).kind;
  if (field === "version") return op === "range" ? ">=1.2.0 <2.0.0" : op === "contains" ? "rc" : "1.2.0";
  const hints: Record<RunFieldKind, string> = {
    type: "classifier",
    version: "",
    date: "2026-01-31",
    duration: "90s, 5m, 2h",
    ratio: "0.9 or 90%",
    loss: "0.25",
    count: "10000",
    text: op === "contains" ? "text" : "fv-2",
  };
  return hints[kind];
}

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

function parseTimestampBound(op: FilterOp, value: string): Operand | string {
  if (DATE_ONLY.test(value)) {
    const start = Date.parse(`${value}T00:00:00.000Z`);
    if (Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== value) return `"${value}" is not a calendar date`;
    const dayStart = new Date(start).toISOString();
    const nextDay = new Date(start + DAY_MS).toISOString();
    // A date means the whole UTC day: ≤ D is before the next day, > D from the next day on, = D within the day.
    switch (op) {
      case "gte":
        return { kind: "timestamp", op: "gte", iso: dayStart };
      case "lt":
        return { kind: "timestamp", op: "lt", iso: dayStart };
      case "lte":
        return { kind: "timestamp", op: "lt", iso: nextDay };
      case "gt":
        return { kind: "timestamp", op: "gte", iso: nextDay };
      default:
        return { kind: "timestamp", op: "eq", iso: dayStart, until: nextDay };
    }
  }
  if (TIMESTAMP.test(value)) {
    const time = Date.parse(value);
    if (Number.isNaN(time)) return `"${value}" is not a valid time`;
    const iso = new Date(time).toISOString();
    switch (op) {
      case "gte":
      case "lt":
        return { kind: "timestamp", op, iso };
      // Timestamps have millisecond precision, so ≤ t is < t + 1 ms and > t is ≥ t + 1 ms.
      case "lte":
        return { kind: "timestamp", op: "lt", iso: new Date(time + 1).toISOString() };
      case "gt":
        return { kind: "timestamp", op: "gte", iso: new Date(time + 1).toISOString() };
      default:
        return { kind: "timestamp", op: "eq", iso, until: new Date(time + 1).toISOString() };
    }
  }
  return `"${value}" is not a date (YYYY-MM-DD) or UTC time (YYYY-MM-DDTHH:MM:SSZ)`;
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

function parseNumber(text: string): number | null {
  const cleaned = text.replace(/[,_\s]/g, "");
  return NUMBER.test(cleaned) ? Number(cleaned) : null;
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, sec: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: DAY_MS };

/** "250ms", "90s", "5m", "1.5h", "2d", or a plain number of milliseconds. */
export function parseDurationMs(text: string): number | null {
  const match = /^([-+]?[\d.,_]+)\s*(ms|s|sec|m|min|h|d)?$/i.exec(text.trim());
  if (!match) return null;
  const amount = parseNumber(match[1]!);
  if (amount === null) return null;
  return Math.round(amount * DURATION_UNITS[(match[2] ?? "ms").toLowerCase()]!);
}

/** A hyperparameter value as typed: a JSON number, true/false, a "quoted" string, or else plain text. */
export function parseHpValue(text: string): number | string | boolean {
  const trimmed = text.trim();
  if (trimmed === "true" || trimmed === "false") return trimmed === "true";
  if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?$/.test(trimmed)) return Number(trimmed);
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) return trimmed.slice(1, -1);
  return trimmed;
}

function operandFor(field: string, op: FilterOp, value: string): Operand | string {
  if (!opTakesValue(op)) return { kind: "none" };
  if (value.trim() === "") return "a value is needed";
  if (hpKeyOf(field) !== null) {
    const parsed = parseHpValue(value);
    if (op === "eq" || op === "neq") return { kind: "json", value: parsed };
    return typeof parsed === "number" ? { kind: "number", number: parsed } : `"${value}" is not a number, and ${OP_LABELS[op]} compares numbers`;
  }
  const id = field as StandardColumnId;
  const kind = standardColumn(id).kind;
  const trimmed = value.trim();
  switch (kind) {
    case "type": {
      const type = trimmed.toLowerCase();
      return isModelType(type) ? { kind: "text", text: type } : `"${value}" is not a model type (classifier, routing or optimization)`;
    }
    case "version": {
      if (op === "range") {
        const range = parseVersionRange(trimmed);
        return range.ok ? { kind: "range", comparators: range.comparators } : range.message;
      }
      if (op === "contains") return { kind: "text", text: trimmed };
      return parseSemver(trimmed) ? { kind: "text", text: trimmed } : `"${value}" is not a full semantic version; use "in range" for 1.2 or 1.x`;
    }
    case "date":
      return parseTimestampBound(op, trimmed);
    case "duration": {
      const ms = parseDurationMs(trimmed);
      return ms === null ? `"${value}" is not a duration (e.g. 90s, 5m, 2h or milliseconds)` : { kind: "number", number: ms };
    }
    case "ratio": {
      const percent = trimmed.endsWith("%");
      const number = parseNumber(percent ? trimmed.slice(0, -1) : trimmed);
      if (number === null) return `"${value}" is not a number (e.g. 0.9 or 90%)`;
      return { kind: "number", number: percent ? number / 100 : number };
    }
    case "loss":
    case "count": {
      const number = parseNumber(trimmed);
      return number === null ? `"${value}" is not a number` : { kind: "number", number };
    }
    case "text":
      return { kind: "text", text: trimmed };
  }
}

export type CheckResult = { ok: true; condition: CheckedCondition } | { ok: false; message: string };

/** Validates one condition: a known field, an operator that field allows, and a value of the field's kind. */
export function checkCondition(condition: FilterCondition): CheckResult {
  const { field, op, value } = condition;
  const label = describeField(field);
  const key = hpKeyOf(field);
  if (key !== null) {
    const problem = hpKeyProblem(key);
    if (problem) return { ok: false, message: problem };
  } else if (!isStandardColumnId(field)) {
    return { ok: false, message: `"${field}" is not a field that runs can be filtered by` };
  }
  if (!isFilterOp(op) || !opsForField(field).includes(op)) {
    return { ok: false, message: `${label} cannot be filtered with "${op}"` };
  }
  if (value.length > FILTER_LIMITS.valueLength) {
    return { ok: false, message: `the value for ${label} is longer than ${FILTER_LIMITS.valueLength} characters` };
  }
  const operand = operandFor(field, op, value);
  if (typeof operand === "string") return { ok: false, message: `${label} ${OP_LABELS[op]}: ${operand}` };
  return { ok: true, condition: { field, op, value: opTakesValue(op) ? value.trim() : "", operand } };
}

function describeField(field: string): string {
  const key = hpKeyOf(field);
  if (key !== null) return `hyperparameter ${key}`;
  return isStandardColumnId(field) ? standardColumn(field).label.toLowerCase() : field;
}

/** "accuracy ≥ 0.9", "optimizer = adam", "completed is empty". */
export function describeCondition({ field, op, value }: FilterCondition): string {
  const name = hpKeyOf(field) ?? (isStandardColumnId(field) ? standardColumn(field).label : field);
  return opTakesValue(op) ? `${name} ${OP_LABELS[op]} ${value}` : `${name} ${OP_LABELS[op]}`;
}

/** "(type = classifier AND accuracy ≥ 0.9) OR (type = routing)". */
export function describeFilter(filter: readonly (readonly FilterCondition[])[]): string {
  const groups = filter.map((group) => group.map(describeCondition).join(" AND "));
  return groups.length > 1 ? groups.map((group) => `(${group})`).join(" OR ") : (groups[0] ?? "");
}

/**
 * A condition in the URL: `group:field:op:value`, e.g. `0:accuracy:gte:0.9` or `1:hp.optimizer:eq:adam`. The
 * field is percent-encoded so a colon in a hyperparameter key cannot shift the parts; the value is the rest.
 */
export function encodeCondition(group: number, { field, op, value }: FilterCondition): string {
  return `${group}:${encodeURIComponent(field)}:${op}:${value}`;
}

export type DecodedCondition = { group: number; condition: FilterCondition };

export function decodeCondition(text: string): DecodedCondition | string {
  const match = /^(\d{1,2}):([^:]+):([a-z]+):(.*)$/s.exec(text);
  if (!match) return `"${text}" is not a filter condition (expected group:field:op:value)`;
  let field: string;
  try {
    field = decodeURIComponent(match[2]!);
  } catch {
    return `"${match[2]}" is not a valid field name`;
  }
  const op = match[3]!;
  if (!isFilterOp(op)) return `"${op}" is not a filter operator`;
  return { group: Number(match[1]), condition: { field, op, value: match[4]! } };
}
