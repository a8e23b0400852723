import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { insertRow, VALID_ROWS } from "@/lib/db/test-fixtures/valid-rows";
import { insertAbTest, insertPrediction, insertQuery } from "@/lib/test-support/rows";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { liveMetrics } from "./live-metrics";
import { runDetail } from "./run-detail";

let temp: TempDatabase | undefined;
afterEach(async () => {
  await temp?.close();
  temp = undefined;
});

type Db = TempDatabase["sqlite"];

/** A complete run row (the fixture's values) with the columns a test cares about. */
function addRun(db: Db, row: Record<string, string | number | null>): string {
  const id = randomUUID();
  insertRow(db, "model_training_runs", { ...VALID_ROWS.model_training_runs!, id, ...row });
  return id;
}

/** `correct` right and `wrong` wrong labelled predictions, `unlabelled` more, every one at `confidence`. */
function predict(db: Db, runId: string, counts: { correct: number; wrong: number; unlabelled?: number }, confidence: number) {
  const queryId = insertQuery(db, { timestamp: "2026-01-02T00:00:00.000Z" });
  const add = (n: number, isCorrect: 0 | 1 | null) => {
    for (let i = 0; i < n; i++) insertPrediction(db, { run_id: runId, query_id: queryId, is_correct: isCorrect });
  };
  db.transaction(() => {
    add(counts.correct, 1);
    add(counts.wrong, 0);
    add(counts.unlabelled ?? 0, null);
  })();
  db.prepare("UPDATE model_predictions SET confidence = ? WHERE model_run_id = ?").run(confidence, runId);
}

describe("runDetail", () => {
  it("is null for an id that is not a run", async () => {
    temp = createTempDatabase();
    expect(await runDetail("no-such-run", temp.prisma())).toBeNull();
  });

  it("returns every field of the run, typed, with its hyperparameters parsed", async () => {
    temp = createTempDatabase();
    const id = addRun(temp.sqlite, {
      model_version: "2.0.0-rc.1",
      hyperparameters: '{"lr":0.001,"optimizer":{"name":"adam"}}',
      notes: "First transformer head.",
      completed_at: null,
      accuracy: null,
    });
    const run = await runDetail(id, temp.prisma());
    expect(run).toMatchObject({
      id,
      modelType: "classifier",
      modelVersion: "2.0.0-rc.1",
      status: "running",
      startedAt: "2026-01-10T08:00:00.000Z",
      completedAt: null,
      hyperparameters: { lr: 0.001, optimizer: { name: "adam" } },
      trainingSamples: 1000,
      validationSamples: 200,
      testSamples: 200,
      accuracy: null,
      precision: 0.88,
      recall: 0.87,
      f1Score: 0.875,
      trainingLoss: 0.2,
      validationLoss: 0.25,
      trainingDurationMs: 60000,
      featureSetVersion: "fv-2",
      notes: "First transformer head.",
      abTests: [],
      previousVersion: null,
      nextVersion: null,
    });
    // No predictions yet: nothing live to show, and nothing to compare the training accuracy with.
    expect(run!.live).toEqual({ predictions: 0, labelled: 0, correct: 0, accuracy: null, interval: null, avgConfidence: null, trainingVsLive: null });
  });

  it("measures live accuracy over labelled predictions only, with the published 95% Wilson interval (Newcombe 1998: 81 of 263)", async () => {
    temp = createTempDatabase();
    const id = addRun(temp.sqlite, { accuracy: 0.4 });
    predict(temp.sqlite, id, { correct: 81, wrong: 182, unlabelled: 37 }, 0.75);
    const { live } = (await runDetail(id, temp.prisma()))!;
    expect(live).toMatchObject({ predictions: 300, labelled: 263, correct: 81, avgConfidence: 0.75 });
    expect(live.accuracy).toBeCloseTo(81 / 263, 12);
    // Newcombe (1998), Statistics in Medicine 17:857, Table I, method 3 (score interval without correction).
    expect(live.interval!.lower).toBeCloseTo(0.2553, 4);
    expect(live.interval!.upper).toBeCloseTo(0.3662, 4);
    // Training accuracy 40% lies above the live interval: flagged.
    expect(live.trainingVsLive).toBe("above");
  });

  it("flags nothing when the training accuracy lies inside the live interval (Newcombe 1998: 15 of 148), and 'below' under it", async () => {
    temp = createTempDatabase();
    const inside = addRun(temp.sqlite, { model_version: "1.0.0", accuracy: 0.1 });
    const below = addRun(temp.sqlite, { model_version: "1.1.0", accuracy: 0.05 });
    predict(temp.sqlite, inside, { correct: 15, wrong: 133 }, 0.5);
    predict(temp.sqlite, below, { correct: 15, wrong: 133 }, 0.5);
    const insideRun = (await runDetail(inside, temp.prisma()))!;
    expect(insideRun.live.interval!.lower).toBeCloseTo(0.0624, 4);
    expect(insideRun.live.interval!.upper).toBeCloseTo(0.1605, 4);
    expect(insideRun.live.trainingVsLive).toBe("inside");
    expect((await runDetail(below, temp.prisma()))!.live.trainingVsLive).toBe("below");
  });

  it("names the previous and next versions of the same model type by semver, not by text or date", async () => {
    temp = createTempDatabase();
    const started = (day: number) => `2026-01-${String(day).padStart(2, "0")}T00:00:00.000Z`;
    const v190 = addRun(temp.sqlite, { model_version: "1.9.0", started_at: started(20), completed_at: started(21) });
    const v1100 = addRun(temp.sqlite, { model_version: "1.10.0", started_at: started(2), completed_at: started(3) });
    const rc = addRun(temp.sqlite, { model_version: "2.0.0-rc.1", started_at: started(4), completed_at: started(5) });
    addRun(temp.sqlite, { model_type: "routing", model_version: "1.9.5" });
    const detail = (await runDetail(v1100, temp.prisma()))!;
    expect(detail.previousVersion).toEqual({ id: v190, modelType: "classifier", modelVersion: "1.9.0" });
    expect(detail.nextVersion).toEqual({ id: rc, modelType: "classifier", modelVersion: "2.0.0-rc.1" });
    expect((await runDetail(v190, temp.prisma()))!.previousVersion).toBeNull();
  });

  it("lists its A/B tests from its own side: role, the other version, its samples, and whether it won", async () => {
    temp = createTempDatabase();
    const run = addRun(temp.sqlite, { model_version: "1.1.0" });
    const older = addRun(temp.sqlite, { model_version: "1.0.0" });
    const newer = addRun(temp.sqlite, { model_version: "1.2.0" });
    // Closed with winner B (the fixture's decision): as B against 1.0.0 this run won.
    const wonAsB = insertAbTest(temp.sqlite, { status: "closed", run_a: older, run_b: run, test_name: "1.1 vs 1.0", started_at: "2026-01-01T00:00:00.000Z", variant_a_samples: 400, variant_b_samples: 600 });
    // Still running, as A against 1.2.0.
    const runningAsA = insertAbTest(temp.sqlite, { status: "running", run_a: run, run_b: newer, test_name: "1.2 vs 1.1", started_at: "2026-01-04T00:00:00.000Z", variant_a_samples: 10, variant_b_samples: 12 });
    temp.sqlite.prepare("UPDATE ab_test_results SET variant_a_successes = 4, variant_b_successes = 9 WHERE id = ?").run(runningAsA);

    const { abTests } = (await runDetail(run, temp.prisma()))!;
    expect(abTests).toEqual([
      {
        id: runningAsA,
        name: "1.2 vs 1.1",
        status: "running",
        startedAt: "2026-01-04T00:00:00.000Z",
        endedAt: null,
        role: "A",
        other: { id: newer, modelType: "classifier", modelVersion: "1.2.0" },
        samples: 10,
        otherSamples: 12,
        successRate: 0.4,
        otherSuccessRate: 0.75,
        winner: null,
        outcome: null,
      },
      {
        id: wonAsB,
        name: "1.1 vs 1.0",
        status: "closed",
        startedAt: "2026-01-01T00:00:00.000Z",
        endedAt: "2026-01-05T00:00:00.000Z",
        role: "B",
        other: { id: older, modelType: "classifier", modelVersion: "1.0.0" },
        samples: 600,
        otherSamples: 400,
        successRate: 0,
        otherSuccessRate: 0,
        winner: "B",
        outcome: "won",
      },
    ]);
    // From the other side of the closed test, the same decision is a loss.
    expect((await runDetail(older, temp.prisma()))!.abTests.map((test) => [test.role, test.outcome])).toEqual([["A", "lost"]]);
  });
});

describe("liveMetrics", () => {
  it("puts a training accuracy exactly on an interval bound inside it", () => {
    const live = liveMetrics({ predictions: 10, labelled: 10, correct: 10, avgConfidence: 0.9 }, 1);
    expect(live.interval!.upper).toBe(1);
    expect(live.trainingVsLive).toBe("inside");
  });
});
