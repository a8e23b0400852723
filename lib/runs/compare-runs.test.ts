import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { insertRow, VALID_ROWS } from "@/lib/db/test-fixtures/valid-rows";
import { insertPrediction, insertQuery } from "@/lib/test-support/rows";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { loadRunComparison, parseCompareIds } from "./compare-runs";

let temp: TempDatabase | undefined;
afterEach(async () => {
  await temp?.close();
  temp = undefined;
});

function addRun(db: TempDatabase["sqlite"], row: Record<string, string | number | null>): string {
  const id = randomUUID();
  insertRow(db, "model_training_runs", { ...VALID_ROWS.model_training_runs!, id, ...row });
  return id;
}

describe("parseCompareIds", () => {
  it("accepts 2 to 10 ids, comma-separated or repeated, trimmed", () => {
    expect(parseCompareIds("a, b")).toEqual({ ok: true, ids: ["a", "b"] });
    expect(parseCompareIds(["a", "b,c"])).toEqual({ ok: true, ids: ["a", "b", "c"] });
    expect(parseCompareIds(Array.from({ length: 10 }, (_, i) => `r${i}`).join(","))).toMatchObject({ ok: true });
  });

  it.each<[string | string[] | undefined, string]>([
    [undefined, "No runs were chosen. Pick 2 to 10 runs to compare."],
    [",, ,", "No runs were chosen. Pick 2 to 10 runs to compare."],
    ["a", "Only one run was chosen. Pick at least 2 runs to compare."],
    [Array.from({ length: 11 }, (_, i) => `r${i}`).join(","), "11 runs were chosen. Compare at most 10 runs at once."],
    ["a,b,a", "Run a is listed more than once. Pick each run only once."],
    [["123e4567-e89b-12d3-a456-426614174000", "123e4567-e89b-12d3-a456-426614174000"], "Run 123e4567… is listed more than once. Pick each run only once."],
  ])("refuses %j with a message", (raw, problem) => {
    expect(parseCompareIds(raw)).toEqual({ ok: false, problem });
  });
});

describe("loadRunComparison", () => {
  it("refuses ids that are not runs, naming them", async () => {
    temp = createTempDatabase();
    const real = addRun(temp.sqlite, { model_version: "1.0.0" });
    expect(await loadRunComparison([real, "nope"], temp.prisma())).toEqual({ ok: false, problem: "There is no training run with the id “nope”." });
    expect(await loadRunComparison(["x", "y"], temp.prisma())).toEqual({ ok: false, problem: "There are no training runs with the ids “x”, “y”." });
  });

  it("orders runs by model type then semver, and diffs their hyperparameters", async () => {
    temp = createTempDatabase();
    const routing = addRun(temp.sqlite, { model_type: "routing", model_version: "0.1.0", hyperparameters: '{"lr":0.01,"depth":6}' });
    const v110 = addRun(temp.sqlite, { model_version: "1.10.0", hyperparameters: '{"lr":0.001,"optimizer":{"name":"adam"},"epochs":12}' });
    const v19 = addRun(temp.sqlite, { model_version: "1.9.0", hyperparameters: '{"lr":0.001,"epochs":12,"optimizer":{"name":"sgd"}}' });
    const result = await loadRunComparison([routing, v110, v19], temp.prisma());
    if (!result.ok) throw new Error(result.problem);
    const { runs, hyperparameters } = result.comparison;
    expect(runs.map((run) => [run.modelType, run.modelVersion])).toEqual([
      ["classifier", "1.9.0"],
      ["classifier", "1.10.0"],
      ["routing", "0.1.0"],
    ]);
    expect(hyperparameters.map((row) => [row.key, row.differs, row.values.map((value) => value?.text ?? null)])).toEqual([
      ["lr", true, ["0.001", "0.001", "0.01"]],
      ["epochs", true, ["12", "12", null]],
      ["optimizer", true, ['{"name": "sgd"}', '{"name": "adam"}', null]],
      ["depth", true, [null, null, "6"]],
    ]);
  });

  it("gives each run its live accuracy and each model type its full history by semver, marking the compared versions", async () => {
    temp = createTempDatabase();
    const db = temp.sqlite;
    const v1 = addRun(db, { model_version: "1.0.0", accuracy: 0.8 });
    const v2 = addRun(db, { model_version: "1.1.0", accuracy: 0.85 });
    const v3 = addRun(db, { model_version: "1.2.0", accuracy: 0.9, completed_at: null });
    addRun(db, { model_type: "optimization", model_version: "9.0.0" });
    const query = insertQuery(db, { timestamp: "2026-01-02T00:00:00.000Z" });
    for (const isCorrect of [1, 1, 1, 0, null] as const) insertPrediction(db, { run_id: v2, query_id: query, is_correct: isCorrect });

    const result = await loadRunComparison([v3, v2], temp.prisma());
    if (!result.ok) throw new Error(result.problem);
    const { runs, histories } = result.comparison;
    expect(runs.map((run) => [run.modelVersion, run.live.predictions, run.live.labelled, run.live.accuracy])).toEqual([
      ["1.1.0", 5, 4, 0.75],
      ["1.2.0", 0, 0, null],
    ]);
    expect(histories).toEqual([
      {
        modelType: "classifier",
        points: [
          { runId: v1, modelVersion: "1.0.0", accuracy: 0.8, precision: 0.88, recall: 0.87, f1Score: 0.875, liveAccuracy: null, compared: false },
          { runId: v2, modelVersion: "1.1.0", accuracy: 0.85, precision: 0.88, recall: 0.87, f1Score: 0.875, liveAccuracy: 0.75, compared: true },
          { runId: v3, modelVersion: "1.2.0", accuracy: 0.9, precision: 0.88, recall: 0.87, f1Score: 0.875, liveAccuracy: null, compared: true },
        ],
      },
    ]);
  });
});
