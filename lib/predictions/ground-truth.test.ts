import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { insertQuery, insertRun } from "@/lib/test-support/rows";
import { recordGroundTruth, uploadGroundTruth } from "./ground-truth";
import { insertLabelledPrediction } from "./test-rows";

let temp: TempDatabase;
let run: string;
beforeEach(() => {
  temp = createTempDatabase();
  run = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.0.0" });
});
afterEach(async () => {
  await temp.close();
});

const prediction = (predicted: string, actual: string | null = null) =>
  insertLabelledPrediction(temp.sqlite, { run_id: run, query_id: insertQuery(temp.sqlite, { timestamp: "2026-01-02T00:00:00.000Z" }), predicted, actual, confidence: 0.7 });

const stored = (id: string) =>
  temp.sqlite.prepare("SELECT actual_value, is_correct, labeled_at FROM model_predictions WHERE id = ?").get(id) as { actual_value: string | null; is_correct: number | null; labeled_at: string | null };

describe("recordGroundTruth", () => {
  it("stores the actual value as JSON and computes is_correct on the server", async () => {
    const right = prediction("factual");
    const wrong = prediction("factual");
    expect(await recordGroundTruth({ predictionId: right, actualValue: "factual" }, temp.prisma())).toMatchObject({ ok: true, correct: true, relabelled: false });
    expect(await recordGroundTruth({ predictionId: wrong, actualValue: "math" }, temp.prisma())).toMatchObject({ ok: true, correct: false });
    expect(stored(right)).toMatchObject({ actual_value: '"factual"', is_correct: 1 });
    expect(stored(wrong)).toMatchObject({ actual_value: '"math"', is_correct: 0 });
    expect(stored(right).labeled_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("relabels a labelled prediction, and says so", async () => {
    const id = prediction("factual", "math");
    expect(await recordGroundTruth({ predictionId: id, actualValue: "factual" }, temp.prisma())).toMatchObject({ ok: true, correct: true, relabelled: true });
    expect(stored(id).is_correct).toBe(1);
  });

  it("scrubs personal data from the value and logs the redaction in the same transaction", async () => {
    const id = prediction("factual");
    const result = await recordGroundTruth({ predictionId: id, actualValue: "ask jane.doe@example.com" }, temp.prisma());
    expect(result).toMatchObject({ ok: true, redacted: ["email"] });
    expect(stored(id).actual_value).not.toContain("jane.doe");
    expect(temp.sqlite.prepare("SELECT source_table, source_id, pattern_matched FROM redaction_log").all()).toEqual([
      { source_table: "model_predictions", source_id: id, pattern_matched: "email" },
    ]);
  });

  it("refuses an unknown prediction id with a field error", async () => {
    expect(await recordGroundTruth({ predictionId: "nope", actualValue: "x" }, temp.prisma())).toMatchObject({ ok: false, fieldErrors: { predictionId: [expect.stringContaining("nope")] } });
  });
});

describe("uploadGroundTruth", () => {
  it("labels every prediction of the file in one go", async () => {
    const a = prediction("factual");
    const b = prediction("math", "code");
    const result = await uploadGroundTruth([{ line: 2, predictionId: a, actualValue: "factual" }, { line: 3, predictionId: b, actualValue: "code" }], temp.prisma());
    expect(result).toEqual({ ok: true, labelled: 2, correct: 1, relabelled: 1, redacted: [] });
    expect(stored(a).is_correct).toBe(1);
    expect(stored(b).is_correct).toBe(0);
  });

  it("writes nothing when one line names an unknown prediction, and names that line", async () => {
    const a = prediction("factual");
    const result = await uploadGroundTruth([{ line: 2, predictionId: a, actualValue: "factual" }, { line: 3, predictionId: "ghost", actualValue: "math" }], temp.prisma());
    expect(result).toMatchObject({ ok: false, errors: [{ line: 3, message: expect.stringContaining("ghost") }] });
    expect(stored(a)).toEqual({ actual_value: null, is_correct: null, labeled_at: null });
  });
});
