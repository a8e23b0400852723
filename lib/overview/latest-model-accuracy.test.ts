import { afterEach, describe, expect, it } from "vitest";
import { insertPrediction, insertQuery, insertRun } from "@/lib/test-support/rows";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { latestModelAccuracy } from "./latest-model-accuracy";

let temp: TempDatabase | undefined;
afterEach(async () => {
  await temp?.close();
  temp = undefined;
});

function predict(db: TempDatabase["sqlite"], runId: string, verdicts: { correct?: number; wrong?: number; unlabelled?: number }) {
  const queryId = insertQuery(db, { timestamp: "2026-01-02T00:00:00.000Z" });
  const add = (count: number | undefined, isCorrect: 0 | 1 | null) => {
    for (let i = 0; i < (count ?? 0); i++) insertPrediction(db, { run_id: runId, query_id: queryId, is_correct: isCorrect });
  };
  add(verdicts.correct, 1);
  add(verdicts.wrong, 0);
  add(verdicts.unlabelled, null);
}

describe("latestModelAccuracy", () => {
  it("is empty when there are no training runs", async () => {
    temp = createTempDatabase();
    expect(await latestModelAccuracy(temp.prisma())).toEqual([]);
  });

  it("takes the latest version by semver (1.10.0 over 1.9.0, though 1.9.0 started later) and its live accuracy over labelled predictions", async () => {
    temp = createTempDatabase();
    const older = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.9.0", started_at: "2026-03-01T00:00:00.000Z", accuracy: 0.95 });
    const latest = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.10.0", started_at: "2026-02-01T00:00:00.000Z", accuracy: 0.91 });
    predict(temp.sqlite, older, { correct: 50 });
    predict(temp.sqlite, latest, { correct: 8, wrong: 2, unlabelled: 3 });

    const [classifier, ...others] = await latestModelAccuracy(temp.prisma());
    expect(others).toEqual([]);
    expect(classifier).toMatchObject({
      modelType: "classifier",
      runId: latest,
      modelVersion: "1.10.0",
      completed: true,
      predictions: 13,
      labelled: 10,
      correct: 8,
      liveAccuracy: 0.8,
      trainingAccuracy: 0.91,
    });
    // The published 95% Wilson interval for 8 of 10.
    expect(classifier!.interval!.lower).toBeCloseTo(0.4902, 4);
    expect(classifier!.interval!.upper).toBeCloseTo(0.9433, 4);
  });

  it("prefers a release to its release candidate, and reports no accuracy while nothing is labelled", async () => {
    temp = createTempDatabase();
    const candidate = insertRun(temp.sqlite, { model_type: "routing", model_version: "2.0.0-rc.1", started_at: "2026-03-01T00:00:00.000Z" });
    const release = insertRun(temp.sqlite, { model_type: "routing", model_version: "2.0.0", started_at: "2026-02-01T00:00:00.000Z", completed_at: null });
    predict(temp.sqlite, candidate, { correct: 5, wrong: 5 });
    predict(temp.sqlite, release, { unlabelled: 4 });

    expect(await latestModelAccuracy(temp.prisma())).toEqual([
      {
        modelType: "routing",
        runId: release,
        modelVersion: "2.0.0",
        completed: false,
        predictions: 4,
        labelled: 0,
        correct: 0,
        liveAccuracy: null,
        interval: null,
        trainingAccuracy: null,
        // What production is measured on meanwhile: the newest older version with labels, 5 of 10 correct.
        newestMeasured: { runId: candidate, modelVersion: "2.0.0-rc.1", labelled: 10, correct: 5, liveAccuracy: 0.5, interval: expect.anything() },
      },
    ]);
  });

  it("names no newest measured version when the latest version itself has labels, or when no older version has any", async () => {
    temp = createTempDatabase();
    const labelled = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.1.0" });
    insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.0.0" });
    predict(temp.sqlite, labelled, { correct: 1 });
    const unlabelled = insertRun(temp.sqlite, { model_type: "routing", model_version: "3.0.0" });
    const olderUnlabelled = insertRun(temp.sqlite, { model_type: "routing", model_version: "2.9.0" });
    predict(temp.sqlite, unlabelled, { unlabelled: 2 });
    predict(temp.sqlite, olderUnlabelled, { unlabelled: 2 });
    const rows = await latestModelAccuracy(temp.prisma());
    expect(rows.map((row) => [row.modelVersion, row.newestMeasured])).toEqual([["1.1.0", null], ["3.0.0", null]]);
  });

  it("skips older versions without labels to find the newest measured one: 3.0.0 (none) → 2.1.0 (none) → 2.0.0 (3 of 4)", async () => {
    temp = createTempDatabase();
    insertRun(temp.sqlite, { model_type: "optimization", model_version: "3.0.0", completed_at: null });
    const middle = insertRun(temp.sqlite, { model_type: "optimization", model_version: "2.1.0" });
    const measured = insertRun(temp.sqlite, { model_type: "optimization", model_version: "2.0.0" });
    predict(temp.sqlite, middle, { unlabelled: 5 });
    predict(temp.sqlite, measured, { correct: 3, wrong: 1 });
    const [row] = await latestModelAccuracy(temp.prisma());
    expect(row!.newestMeasured).toMatchObject({ runId: measured, modelVersion: "2.0.0", labelled: 4, correct: 3, liveAccuracy: 0.75 });
  });

  it("gives one row per model type that has runs, in display order, each from its own run's predictions", async () => {
    temp = createTempDatabase();
    const optimization = insertRun(temp.sqlite, { model_type: "optimization", model_version: "0.3.0" });
    const classifier = insertRun(temp.sqlite, { model_type: "classifier", model_version: "0.3.0" });
    predict(temp.sqlite, optimization, { correct: 1, wrong: 3 });
    predict(temp.sqlite, classifier, { correct: 3 });

    const rows = await latestModelAccuracy(temp.prisma());
    expect(rows.map((row) => [row.modelType, row.correct, row.labelled, row.liveAccuracy])).toEqual([
      ["classifier", 3, 3, 1],
      ["optimization", 1, 4, 0.25],
    ]);
    expect(rows[0]!.interval!.upper).toBe(1);
  });
});
