import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { insertQuery, insertRun } from "@/lib/test-support/rows";
import { pairedComparison } from "./paired-comparison";
import { insertLabelledPrediction } from "./test-rows";

let temp: TempDatabase;
beforeEach(() => {
  temp = createTempDatabase();
});
afterEach(async () => {
  await temp.close();
});

describe("pairedComparison", () => {
  it("counts right and wrong on the shared labelled queries and tests the discordant pairs", async () => {
    const a = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.0.0" });
    const b = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.1.0" });
    // 3 both right, 3 only B right, 1 only A right, 1 both wrong, 1 unlabelled pair, 1 query only A answered.
    const plan: [boolean, boolean][] = [[true, true], [true, true], [true, true], [false, true], [false, true], [false, true], [true, false], [false, false]];
    for (const [aRight, bRight] of plan) {
      const query = insertQuery(temp.sqlite, { timestamp: "2026-01-02T00:00:00.000Z" });
      insertLabelledPrediction(temp.sqlite, { run_id: a, query_id: query, predicted: aRight ? "x" : "y", actual: "x", confidence: 0.5 });
      insertLabelledPrediction(temp.sqlite, { run_id: b, query_id: query, predicted: bRight ? "x" : "z", actual: "x", confidence: 0.5 });
    }
    const shared = insertQuery(temp.sqlite, { timestamp: "2026-01-02T00:00:00.000Z" });
    insertLabelledPrediction(temp.sqlite, { run_id: a, query_id: shared, predicted: "x", actual: null, confidence: 0.5 });
    insertLabelledPrediction(temp.sqlite, { run_id: b, query_id: shared, predicted: "x", actual: null, confidence: 0.5 });
    insertLabelledPrediction(temp.sqlite, { run_id: a, query_id: insertQuery(temp.sqlite, { timestamp: "2026-01-02T00:00:00.000Z" }), predicted: "x", actual: "x", confidence: 0.5 });

    const result = await pairedComparison({ a, b, page: 1 }, temp.prisma());
    if (!result.ok) throw new Error(result.message);
    const c = result.comparison;
    expect([c.sharedQueries, c.pairs, c.bothCorrect, c.onlyAcorrect, c.onlyBcorrect, c.bothWrong]).toEqual([9, 8, 3, 1, 3, 1]);
    // Exact: 2·P(X ≤ 1), X ~ Bin(4, 1/2) = 2·(1 + 4)/16 = 0.625.
    expect(c.pValue).toBeCloseTo(0.625, 12);
    expect(c.accuracyA).toBeCloseTo(4 / 8, 12);
    expect(c.disagreements.total).toBe(4);
    expect(c.disagreements.rows.map((row) => row.rightVersion).sort()).toEqual(["A", "B", "B", "B"]);
    expect(c.disagreements.rows.find((row) => row.rightVersion === "A")).toMatchObject({ actualA: "x", actualB: "x", predictedA: "x", predictedB: "z" });
  });

  it("refuses the same version twice, an unknown id and two model types", async () => {
    const a = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.0.0" });
    const r = insertRun(temp.sqlite, { model_type: "routing", model_version: "1.0.0" });
    expect(await pairedComparison({ a, b: a, page: 1 }, temp.prisma())).toMatchObject({ ok: false, message: expect.stringContaining("two different") });
    expect(await pairedComparison({ a, b: "ghost", page: 1 }, temp.prisma())).toMatchObject({ ok: false, message: expect.stringContaining("ghost") });
    expect(await pairedComparison({ a, b: r, page: 1 }, temp.prisma())).toMatchObject({ ok: false, message: expect.stringContaining("one model type") });
  });
});
