import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { insertQuery, insertRun } from "@/lib/test-support/rows";
import { runPerformance, versionsWithPredictions } from "./run-performance";
import { insertLabelledPrediction } from "./test-rows";

let temp: TempDatabase;
beforeEach(() => {
  temp = createTempDatabase();
});
afterEach(async () => {
  await temp.close();
});

const close = (actual: number | null | undefined, expected: number) => expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1e-12);

describe("runPerformance", () => {
  it("aggregates in SQL to the hand-worked report, with unlabelled predictions counted in coverage and the histogram only", async () => {
    const run = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.0.0", accuracy: 0.9 });
    const rows: [string, string | null, number | null, string][] = [
      // The hand-worked example of classification-report.test.ts: accuracy 4/6, ECE 0.234, Brier 0.24638.
      ["cat", "cat", 0.95, "2026-01-02T01:00:00.000Z"],
      ["cat", "dog", 0.85, "2026-01-02T02:00:00.000Z"],
      ["dog", "dog", 0.65, "2026-01-02T03:00:00.000Z"],
      ["bird", "dog", 0.62, "2026-01-03T01:00:00.000Z"],
      ["dog", "dog", null, "2026-01-03T02:00:00.000Z"],
      ["cat", "cat", 1, "2026-01-03T03:00:00.000Z"],
      // Unlabelled: in the coverage and the confidence histogram, nowhere else.
      ["dog", null, 0.15, "2026-01-03T04:00:00.000Z"],
      ["cat", null, null, "2026-01-04T04:00:00.000Z"],
    ];
    for (const [predicted, actual, confidence, at] of rows) {
      insertLabelledPrediction(temp.sqlite, { run_id: run, query_id: insertQuery(temp.sqlite, { timestamp: at }), predicted, actual, confidence, predicted_at: at });
    }
    const result = (await runPerformance(run, temp.prisma()))!;
    expect(result.predictions).toBe(8);
    expect(result.labelled).toBe(6);
    expect(result.correct).toBe(4);
    close(result.accuracy, 4 / 6);
    expect(result.report.confusion).toEqual({ labels: ["bird", "cat", "dog"], matrix: [[0, 0, 0], [0, 2, 0], [1, 1, 2]] });
    close(result.report.macro.f1, 22 / 45);
    close(result.report.ece, 0.234);
    close(result.report.brier, 0.24638);
    expect(result.reliability.map((bin) => bin.predictions)).toEqual([0, 1, 0, 0, 0, 0, 2, 0, 1, 2]);
    expect(result.reliability.map((bin) => bin.labelled)).toEqual([0, 0, 0, 0, 0, 0, 2, 0, 1, 2]);
    close(result.reliability[6]!.meanConfidence, 0.635);
    expect(result.daily.map(({ day, predictions, labelled, correct }) => [day, predictions, labelled, correct])).toEqual([
      ["2026-01-02", 3, 3, 2],
      ["2026-01-03", 4, 3, 2],
      ["2026-01-04", 1, 0, 0],
    ]);
    expect(result.gap!.gap).toBeCloseTo(0.9 - 4 / 6, 12);
  });

  it("is null for an unknown run, and empty figures for a run without predictions", async () => {
    expect(await runPerformance("no-such-run", temp.prisma())).toBeNull();
    const run = insertRun(temp.sqlite, { model_type: "routing", model_version: "1.0.0" });
    const result = (await runPerformance(run, temp.prisma()))!;
    expect(result.accuracy).toBeNull();
    expect(result.report.ece).toBeNull();
    expect(result.daily).toEqual([]);
    expect(result.gap).toBeNull();
  });

  it("lists versions with predictions by model type, newest version first", async () => {
    const older = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.9.0" });
    const newer = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.10.0" });
    insertRun(temp.sqlite, { model_type: "classifier", model_version: "2.0.0" }); // no predictions
    const routing = insertRun(temp.sqlite, { model_type: "routing", model_version: "1.0.0" });
    for (const run of [older, newer, routing]) {
      insertLabelledPrediction(temp.sqlite, { run_id: run, query_id: insertQuery(temp.sqlite, { timestamp: "2026-01-02T00:00:00.000Z" }), predicted: "a", actual: null, confidence: null });
    }
    expect((await versionsWithPredictions(temp.prisma())).map((v) => `${v.modelType} ${v.modelVersion}`)).toEqual(["classifier 1.10.0", "classifier 1.9.0", "routing 1.0.0"]);
  });
});
