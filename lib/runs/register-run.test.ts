import { afterEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { insertRow, VALID_ROWS } from "@/lib/db/test-fixtures/valid-rows";
import { insertRun } from "@/lib/test-support/rows";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { latestRegisteredVersions, registerRun, type RunWriter } from "./register-run";
import type { RegisterRunInput } from "./schema";

let temp: TempDatabase | undefined;
afterEach(async () => {
  await temp?.close();
  temp = undefined;
});

const RUN: RegisterRunInput = {
  modelType: "classifier",
  modelVersion: "1.2.0",
  featureSetVersion: "fv-2",
  startedAt: "2026-11-20T08:00:00.000Z",
  completedAt: "2026-11-20T09:30:00.000Z",
  trainingDurationMs: 5_400_000,
  trainingSamples: 12_000,
  validationSamples: 2_500,
  testSamples: 2_500,
  accuracy: 0.913,
  precision: 0.905,
  recall: 0.921,
  f1Score: 0.913,
  trainingLoss: 0.215,
  validationLoss: 0.248,
  hyperparameters: { learning_rate: 0.001, optimizer: { name: "adam", betas: [0.9, 0.999] } },
  notes: "Retrained on 30 more days.",
  trainingDataSnapshotId: null,
};

const count = (db: TempDatabase, table: string) => (db.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const runRow = (db: TempDatabase, id: string) => db.sqlite.prepare("SELECT * FROM model_training_runs WHERE id = ?").get(id) as Record<string, unknown>;
const logRows = (db: TempDatabase) =>
  db.sqlite.prepare("SELECT source_table, source_id, redaction_type, pattern_matched FROM redaction_log ORDER BY rowid").all() as Record<string, string>[];

/**
 * A client whose transactions run on the real database, with the run delegate's findUnique replaced: how a
 * test stands in for another process writing between this transaction's check and its insert.
 */
function interceptFindUnique(real: PrismaClient, findUnique: (original: (args: never) => Promise<unknown>, args: never) => Promise<unknown>): RunWriter {
  const wrap = (tx: Prisma.TransactionClient) =>
    new Proxy(tx, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property !== "modelTrainingRun") return value;
        return new Proxy(value as object, {
          get(delegate, name, delegateReceiver) {
            const method = Reflect.get(delegate, name, delegateReceiver) as (args: never) => Promise<unknown>;
            return name === "findUnique" ? (args: never) => findUnique(method.bind(delegate), args) : method;
          },
        });
      },
    });
  const $transaction = (fn: (tx: Prisma.TransactionClient) => Promise<unknown>) => real.$transaction((tx) => fn(wrap(tx)));
  return { $transaction } as unknown as RunWriter;
}

describe("registerRun", () => {
  it("writes exactly one run, with every value as given, under a new id", async () => {
    temp = createTempDatabase();
    const result = await registerRun(RUN, temp.prisma());
    expect(result).toEqual({ ok: true, id: expect.stringMatching(/^[0-9a-f-]{36}$/), redacted: [] });
    if (!result.ok) return;
    expect(count(temp, "model_training_runs")).toBe(1);
    expect(runRow(temp, result.id)).toEqual({
      id: result.id,
      started_at: "2026-11-20T08:00:00.000Z",
      completed_at: "2026-11-20T09:30:00.000Z",
      model_type: "classifier",
      model_version: "1.2.0",
      hyperparameters: '{"learning_rate":0.001,"optimizer":{"name":"adam","betas":[0.9,0.999]}}',
      training_samples: 12_000,
      validation_samples: 2_500,
      test_samples: 2_500,
      accuracy: 0.913,
      precision: 0.905,
      recall: 0.921,
      f1_score: 0.913,
      training_loss: 0.215,
      validation_loss: 0.248,
      training_duration_ms: 5_400_000,
      feature_set_version: "fv-2",
      notes: "Retrained on 30 more days.",
      training_data_snapshot_id: null,
    });
    expect(count(temp, "redaction_log")).toBe(0);
  });

  it("refuses a version already registered for the model type, with a clear message beside the version, and writes nothing", async () => {
    temp = createTempDatabase();
    const existing = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.2.0" });
    const result = await registerRun({ ...RUN, notes: "mail jane@example.com" }, temp.prisma());
    expect(result).toEqual({
      ok: false,
      message: "classifier 1.2.0 is already registered; nothing was saved. Choose a new version.",
      fieldErrors: { modelVersion: ["classifier 1.2.0 is already registered"] },
      existingRunId: existing,
    });
    expect(count(temp, "model_training_runs")).toBe(1);
    expect(count(temp, "redaction_log")).toBe(0);
  });

  it("allows the same version for another model type, and a version that differs only in build metadata", async () => {
    temp = createTempDatabase();
    insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.2.0" });
    expect((await registerRun({ ...RUN, modelType: "routing" }, temp.prisma())).ok).toBe(true);
    expect((await registerRun({ ...RUN, modelVersion: "1.2.0+retrain.2" }, temp.prisma())).ok).toBe(true);
    expect(count(temp, "model_training_runs")).toBe(3);
  });

  it("stores PII in the notes as placeholders and logs each category by name, never the value", async () => {
    temp = createTempDatabase();
    const result = await registerRun(
      { ...RUN, notes: "Ask jane.doe@example.com or +44 20 7946 0958; data in /home/jane/runs. Also ops@example.org." },
      temp.prisma(),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.redacted).toEqual(["email", "phone", "home_path"]);
    expect(runRow(temp, result.id).notes).toBe("Ask [EMAIL] or [PHONE]; data in [HOME_PATH]. Also [EMAIL].");
    expect(logRows(temp)).toEqual([
      { source_table: "model_training_runs", source_id: result.id, redaction_type: "pii", pattern_matched: "email" },
      { source_table: "model_training_runs", source_id: result.id, redaction_type: "pii", pattern_matched: "phone" },
      { source_table: "model_training_runs", source_id: result.id, redaction_type: "pii", pattern_matched: "home_path" },
    ]);
    const everything = JSON.stringify(temp.sqlite.prepare("SELECT * FROM redaction_log").all());
    for (const value of ["jane.doe@example.com", "7946", "/home/jane", "ops@example.org"]) expect(everything).not.toContain(value);
  });

  it("scrubs the feature set version and every string in the hyperparameters, keeping their structure", async () => {
    temp = createTempDatabase();
    const result = await registerRun(
      {
        ...RUN,
        notes: null,
        featureSetVersion: "fv-2 (built by sam@example.com)",
        hyperparameters: { lr: 0.01, data: { path: "/Users/sam/train.csv" }, wandb_api_key: "0123456789abcdef0123" },
      },
      temp.prisma(),
    );
    if (!result.ok) throw new Error(result.message);
    const row = runRow(temp, result.id);
    expect(row.feature_set_version).toBe("fv-2 (built by [EMAIL])");
    expect(JSON.parse(row.hyperparameters as string)).toEqual({ lr: 0.01, data: { path: "[HOME_PATH]" }, wandb_api_key: "[SECRET]" });
    expect(logRows(temp).map((r) => [r.redaction_type, r.pattern_matched])).toEqual([
      ["pii", "email"],
      ["pii", "home_path"],
      ["sensitive", "secret"],
    ]);
  });

  it("refuses with the same message when another process registers the version between the check and the insert", async () => {
    temp = createTempDatabase();
    const db = temp;
    let interleaved = false;
    const client = interceptFindUnique(db.prisma(), async (original, args) => {
      const found = await original(args);
      if (!interleaved) {
        // The other writer commits after this transaction has read: SQLite refuses this one's write.
        interleaved = true;
        insertRun(db.sqlite, { model_type: "classifier", model_version: "1.2.0" });
      }
      return found;
    });
    const result = await registerRun(RUN, client);
    expect(result).toMatchObject({ ok: false, fieldErrors: { modelVersion: ["classifier 1.2.0 is already registered"] } });
    expect(count(db, "model_training_runs")).toBe(1);
    expect(count(db, "redaction_log")).toBe(0);
  });

  it("answers the unique index's refusal (P2002) with the same message when the check does not see the other run", async () => {
    temp = createTempDatabase();
    insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.2.0" });
    const blindCheck = interceptFindUnique(temp.prisma(), async () => null);
    const result = await registerRun({ ...RUN, notes: "mail jane@example.com" }, blindCheck);
    expect(result).toEqual({
      ok: false,
      message: "classifier 1.2.0 is already registered; nothing was saved. Choose a new version.",
      fieldErrors: { modelVersion: ["classifier 1.2.0 is already registered"] },
      existingRunId: undefined,
    });
    expect(count(temp, "model_training_runs")).toBe(1);
    expect(count(temp, "redaction_log")).toBe(0);
  });

  it("writes the run and its redaction log in one transaction: when the log cannot be written, neither is", async () => {
    temp = createTempDatabase();
    // A redaction_log row the new one collides with cannot exist (ids are fresh UUIDs), so break the table instead.
    temp.sqlite.exec("CREATE TRIGGER refuse_log BEFORE INSERT ON redaction_log BEGIN SELECT RAISE(ABORT, 'log refused'); END");
    await expect(registerRun({ ...RUN, notes: "mail jane@example.com" }, temp.prisma())).rejects.toThrow(/redactionLog\.createMany/);
    expect(count(temp, "model_training_runs")).toBe(0);
    // Without anything to log, the same run goes through.
    expect((await registerRun({ ...RUN, notes: "clean" }, temp.prisma())).ok).toBe(true);
  });
});

describe("latestRegisteredVersions", () => {
  it("names the newest version of each model type by semver, in display order, leaving out types without runs", async () => {
    temp = createTempDatabase();
    insertRun(temp.sqlite, { model_type: "optimization", model_version: "1.9.0" });
    insertRun(temp.sqlite, { model_type: "optimization", model_version: "1.10.0" });
    insertRun(temp.sqlite, { model_type: "classifier", model_version: "2.0.0" });
    insertRun(temp.sqlite, { model_type: "classifier", model_version: "2.0.0-rc.1" });
    expect(await latestRegisteredVersions(temp.prisma())).toEqual([
      { modelType: "classifier", modelVersion: "2.0.0" },
      { modelType: "optimization", modelVersion: "1.10.0" },
    ]);
  });
});

describe("registerRun: the training-data snapshot", () => {
  it("stores the snapshot a run was trained on, and refuses one that does not exist without writing", async () => {
    temp = createTempDatabase();
    insertRow(temp.sqlite, "training_data_snapshots", VALID_ROWS.training_data_snapshots!);
    const saved = await registerRun({ ...RUN, trainingDataSnapshotId: "snap1" }, temp.prisma());
    if (!saved.ok) throw new Error(saved.message);
    expect(runRow(temp, saved.id).training_data_snapshot_id).toBe("snap1");

    const refused = await registerRun({ ...RUN, modelVersion: "1.3.0", trainingDataSnapshotId: "no-such-snapshot" }, temp.prisma());
    expect(refused).toEqual({
      ok: false,
      message: "The training-data snapshot chosen does not exist; nothing was saved.",
      fieldErrors: { trainingDataSnapshotId: ["No snapshot has this id. Choose one of the saved snapshots, or none."] },
    });
    expect(count(temp, "model_training_runs")).toBe(1);
  });
});
