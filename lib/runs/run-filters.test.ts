import { describe, expect, it } from "vitest";
import {
  checkCondition,
  decodeCondition,
  describeFilter,
  encodeCondition,
  opsForField,
  parseDurationMs,
  parseHpValue,
  type FilterCondition,
} from "./run-filters";

const operand = (condition: FilterCondition) => {
  const result = checkCondition(condition);
  if (!result.ok) throw new Error(result.message);
  return result.condition.operand;
};

const problem = (condition: FilterCondition) => {
  const result = checkCondition(condition);
  return result.ok ? null : result.message;
};

describe("checkCondition", () => {
  it("reads ratios as fractions or percentages", () => {
    expect(operand({ field: "accuracy", op: "gte", value: "0.9" })).toEqual({ kind: "number", number: 0.9 });
    expect(operand({ field: "f1", op: "lt", value: "85%" })).toEqual({ kind: "number", number: 0.85 });
  });

  it("reads durations with units into milliseconds", () => {
    expect(operand({ field: "duration", op: "gt", value: "5m" })).toEqual({ kind: "number", number: 300_000 });
    expect(parseDurationMs("1.5h")).toBe(5_400_000);
    expect(parseDurationMs("250ms")).toBe(250);
    expect(parseDurationMs("90")).toBe(90);
    expect(parseDurationMs("soon")).toBeNull();
  });

  it("turns a date into whole-day bounds in UTC", () => {
    expect(operand({ field: "started", op: "gte", value: "2026-01-31" })).toEqual({ kind: "timestamp", op: "gte", iso: "2026-01-31T00:00:00.000Z" });
    expect(operand({ field: "started", op: "lte", value: "2026-01-31" })).toEqual({ kind: "timestamp", op: "lt", iso: "2026-02-01T00:00:00.000Z" });
    expect(operand({ field: "started", op: "gt", value: "2026-01-31" })).toEqual({ kind: "timestamp", op: "gte", iso: "2026-02-01T00:00:00.000Z" });
    expect(operand({ field: "completed", op: "eq", value: "2026-02-28" })).toEqual({
      kind: "timestamp",
      op: "eq",
      iso: "2026-02-28T00:00:00.000Z",
      until: "2026-03-01T00:00:00.000Z",
    });
  });

  it("takes full UTC times to the millisecond", () => {
    expect(operand({ field: "started", op: "lte", value: "2026-01-31T12:00:00Z" })).toEqual({ kind: "timestamp", op: "lt", iso: "2026-01-31T12:00:00.001Z" });
  });

  it("refuses impossible dates and local times", () => {
    expect(problem({ field: "started", op: "gte", value: "2026-02-30" })).toMatch(/not a calendar date/);
    expect(problem({ field: "started", op: "gte", value: "2026-01-31T12:00:00" })).toMatch(/not a date/);
  });

  it("accepts only the schema's model types, in any case", () => {
    expect(operand({ field: "type", op: "eq", value: "Routing" })).toEqual({ kind: "text", text: "routing" });
    expect(problem({ field: "type", op: "eq", value: "ranker" })).toMatch(/not a model type/);
  });

  it("asks for a full version for = and points partial ones to ranges", () => {
    expect(problem({ field: "version", op: "eq", value: "1.2" })).toMatch(/in range/);
    expect(operand({ field: "version", op: "range", value: ">=1.2.0 <2.0.0" })).toMatchObject({ kind: "range" });
    expect(problem({ field: "version", op: "range", value: ">=banana" })).toMatch(/not a version/);
  });

  it("reads hyperparameter values as JSON numbers, booleans or text", () => {
    expect(parseHpValue("0.001")).toBe(0.001);
    expect(parseHpValue("true")).toBe(true);
    expect(parseHpValue("adam")).toBe("adam");
    expect(parseHpValue('"64"')).toBe("64");
    expect(operand({ field: "hp.batch_size", op: "eq", value: "64" })).toEqual({ kind: "json", value: 64 });
    expect(problem({ field: "hp.optimizer", op: "gt", value: "adam" })).toMatch(/not a number/);
  });

  it("needs no value for is set / is empty, and drops one given", () => {
    const result = checkCondition({ field: "hp.dropout", op: "exists", value: "ignored" });
    expect(result).toEqual({ ok: true, condition: { field: "hp.dropout", op: "exists", value: "", operand: { kind: "none" } } });
  });

  it("refuses unknown fields, operators a field does not offer, and unaddressable keys", () => {
    expect(problem({ field: "password", op: "eq", value: "x" })).toMatch(/not a field/);
    expect(problem({ field: "type", op: "gt", value: "classifier" })).toMatch(/cannot be filtered/);
    expect(problem({ field: "live_accuracy", op: "gt", value: "0.5" })).toMatch(/cannot be filtered/);
    expect(problem({ field: 'hp.a"b', op: "exists", value: "" })).toMatch(/quote/);
    expect(problem({ field: "accuracy", op: "gte", value: "" })).toMatch(/a value is needed/);
  });

  it("lets every filterable field offer at least one operator", () => {
    for (const field of ["type", "version", "started", "completed", "duration", "accuracy", "samples", "feature_set", "notes", "hp.x"]) {
      expect(opsForField(field).length, field).toBeGreaterThan(0);
    }
  });
});

describe("condition encoding", () => {
  it("round-trips conditions whose key and value contain colons", () => {
    const condition: FilterCondition = { field: "hp.sched:warmup", op: "eq", value: "a:b:c" };
    const text = encodeCondition(3, condition);
    expect(text).toBe("3:hp.sched%3Awarmup:eq:a:b:c");
    expect(decodeCondition(text)).toEqual({ group: 3, condition });
  });

  it("explains what it cannot decode", () => {
    expect(decodeCondition("accuracy>0.9")).toMatch(/not a filter condition/);
    expect(decodeCondition("0:accuracy:bigger:0.9")).toMatch(/not a filter operator/);
  });

  it("describes an OR of AND-groups in words", () => {
    expect(
      describeFilter([
        [
          { field: "type", op: "eq", value: "classifier" },
          { field: "accuracy", op: "gte", value: "0.9" },
        ],
        [{ field: "hp.optimizer", op: "eq", value: "adam" }],
      ]),
    ).toBe("(Type = classifier AND Accuracy ≥ 0.9) OR (optimizer = adam)");
  });
});
