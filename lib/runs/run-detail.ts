import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Queryable } from "@/lib/db/queryable";
import { toNumber, toNumberOrNull, toStringOrNull } from "@/lib/db/rows";
import { snapshotById, type Snapshot } from "@/lib/features/snapshots";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseHyperparameters, type Hyperparameters } from "./hyperparameters";
import { sortNewestVersionFirst } from "./latest-version";
import { liveMetrics, type LiveMetrics } from "./live-metrics";
import { isModelType, type ModelType } from "./model-types";

/** Every column of a training run, typed. */
export type RunFields = {
  id: string;
  modelType: ModelType;
  modelVersion: string;
  /** Running until completed_at is set. */
  status: "completed" | "running";
  startedAt: string;
  completedAt: string | null;
  hyperparameters: Hyperparameters;
  trainingSamples: number;
  validationSamples: number | null;
  testSamples: number | null;
  accuracy: number | null;
  precision: number | null;
  recall: number | null;
  f1Score: number | null;
  trainingLoss: number | null;
  validationLoss: number | null;
  trainingDurationMs: number | null;
  featureSetVersion: string | null;
  notes: string | null;
};

export type RunRef = { id: string; modelType: ModelType; modelVersion: string };

/** An A/B test seen from one of its runs. */
export type RunAbTest = {
  id: string;
  name: string;
  status: "running" | "closed";
  startedAt: string;
  endedAt: string | null;
  /** Which variant this run was. */
  role: "A" | "B";
  other: RunRef;
  samples: number;
  otherSamples: number;
  /** Successes / samples of this run's variant; null without samples. */
  successRate: number | null;
  otherSuccessRate: number | null;
  winner: "A" | "B" | "tie" | null;
  /** The recorded winner from this run's side; null while the test runs. */
  outcome: "won" | "lost" | "tie" | null;
};

export type RunDetail = RunFields & {
  /** The training-data snapshot the run cites as what it was trained on, if any. */
  trainingData: Snapshot | null;
  live: LiveMetrics;
  abTests: RunAbTest[];
  /** The next older and next newer versions of the same model type, by semantic-version precedence. */
  previousVersion: RunRef | null;
  nextVersion: RunRef | null;
};

type RunRow = {
  id: string;
  model_type: string;
  model_version: string;
  started_at: string;
  completed_at: unknown;
  hyperparameters: string;
  training_samples: unknown;
  validation_samples: unknown;
  test_samples: unknown;
  accuracy: unknown;
  precision: unknown;
  recall: unknown;
  f1_score: unknown;
  training_loss: unknown;
  validation_loss: unknown;
  training_duration_ms: unknown;
  feature_set_version: unknown;
  notes: unknown;
};

function modelTypeOf(value: string): ModelType {
  if (!isModelType(value)) throw new TypeError(`Unknown model type "${value}"`);
  return value;
}

function toRunFields(row: RunRow): RunFields {
  const completedAt = toStringOrNull(row.completed_at);
  return {
    id: row.id,
    modelType: modelTypeOf(row.model_type),
    modelVersion: row.model_version,
    status: completedAt === null ? "running" : "completed",
    startedAt: row.started_at,
    completedAt,
    hyperparameters: parseHyperparameters(row.hyperparameters),
    trainingSamples: toNumber(row.training_samples),
    validationSamples: toNumberOrNull(row.validation_samples),
    testSamples: toNumberOrNull(row.test_samples),
    accuracy: toNumberOrNull(row.accuracy),
    precision: toNumberOrNull(row.precision),
    recall: toNumberOrNull(row.recall),
    f1Score: toNumberOrNull(row.f1_score),
    trainingLoss: toNumberOrNull(row.training_loss),
    validationLoss: toNumberOrNull(row.validation_loss),
    trainingDurationMs: toNumberOrNull(row.training_duration_ms),
    featureSetVersion: toStringOrNull(row.feature_set_version),
    notes: toStringOrNull(row.notes),
  };
}

/** The runs with these ids, in no particular order; unknown ids are left out. */
export async function runsByIds(client: Queryable, ids: readonly string[]): Promise<RunFields[]> {
  if (ids.length === 0) return [];
  const rows = await client.$queryRaw<RunRow[]>`
    SELECT id, model_type, model_version, started_at, completed_at, hyperparameters, training_samples,
           validation_samples, test_samples, accuracy, precision, recall, f1_score, training_loss, validation_loss,
           training_duration_ms, feature_set_version, notes
    FROM model_training_runs
    WHERE id IN (${Prisma.join(ids)})`;
  return rows.map(toRunFields);
}

type PerformanceRow = { model_run_id: string; prediction_count: unknown; labelled_count: unknown; accuracy: unknown; avg_confidence: unknown };

/**
 * Live metrics of each run from the design document's v_model_performance view (accuracy over labelled
 * predictions only), with the 95% Wilson interval and how the training accuracy compares with it.
 */
export async function liveMetricsByRun(client: Queryable, runs: readonly Pick<RunFields, "id" | "accuracy">[]): Promise<Map<string, LiveMetrics>> {
  if (runs.length === 0) return new Map();
  const rows = await client.$queryRaw<PerformanceRow[]>`
    SELECT model_run_id, prediction_count, labelled_count, accuracy, avg_confidence
    FROM v_model_performance
    WHERE model_run_id IN (${Prisma.join(runs.map((run) => run.id))})`;
  const byRun = new Map(rows.map((row) => [row.model_run_id, row]));
  return new Map(
    runs.map((run) => {
      const row = byRun.get(run.id);
      const labelled = row ? toNumber(row.labelled_count) : 0;
      const ratio = row ? toNumberOrNull(row.accuracy) : null;
      // The view's accuracy is SUM(is_correct) / COUNT(is_correct), so this recovers the count exactly.
      const correct = ratio === null ? 0 : Math.round(ratio * labelled);
      const counts = {
        predictions: row ? toNumber(row.prediction_count) : 0,
        labelled,
        correct,
        avgConfidence: row ? toNumberOrNull(row.avg_confidence) : null,
      };
      return [run.id, liveMetrics(counts, run.accuracy)];
    }),
  );
}

type AbTestRow = {
  id: string;
  test_name: string;
  status: string;
  started_at: string;
  ended_at: unknown;
  winner: unknown;
  variant_a_run_id: string;
  variant_b_run_id: string;
  variant_a_samples: unknown;
  variant_b_samples: unknown;
  variant_a_successes: unknown;
  variant_b_successes: unknown;
  a_type: string;
  a_version: string;
  b_type: string;
  b_version: string;
};

const rate = (successes: number, samples: number) => (samples > 0 ? successes / samples : null);

function toRunAbTest(row: AbTestRow, runId: string): RunAbTest {
  const role = row.variant_a_run_id === runId ? "A" : "B";
  const a = { samples: toNumber(row.variant_a_samples), successes: toNumber(row.variant_a_successes) };
  const b = { samples: toNumber(row.variant_b_samples), successes: toNumber(row.variant_b_successes) };
  const [own, other] = role === "A" ? [a, b] : [b, a];
  const winner = toStringOrNull(row.winner) as RunAbTest["winner"];
  return {
    id: row.id,
    name: row.test_name,
    status: row.status === "closed" ? "closed" : "running",
    startedAt: row.started_at,
    endedAt: toStringOrNull(row.ended_at),
    role,
    other:
      role === "A"
        ? { id: row.variant_b_run_id, modelType: modelTypeOf(row.b_type), modelVersion: row.b_version }
        : { id: row.variant_a_run_id, modelType: modelTypeOf(row.a_type), modelVersion: row.a_version },
    samples: own.samples,
    otherSamples: other.samples,
    successRate: rate(own.successes, own.samples),
    otherSuccessRate: rate(other.successes, other.samples),
    winner,
    outcome: winner === null ? null : winner === "tie" ? "tie" : winner === role ? "won" : "lost",
  };
}

/** The A/B tests a run took part in, as variant A or B, newest first. */
export async function abTestsOfRun(client: Queryable, runId: string): Promise<RunAbTest[]> {
  const rows = await client.$queryRaw<AbTestRow[]>`
    SELECT t.id, t.test_name, t.status, t.started_at, t.ended_at, t.winner, t.variant_a_run_id, t.variant_b_run_id,
           t.variant_a_samples, t.variant_b_samples, t.variant_a_successes, t.variant_b_successes,
           ra.model_type AS a_type, ra.model_version AS a_version, rb.model_type AS b_type, rb.model_version AS b_version
    FROM ab_test_results t
    JOIN model_training_runs ra ON ra.id = t.variant_a_run_id
    JOIN model_training_runs rb ON rb.id = t.variant_b_run_id
    WHERE t.variant_a_run_id = ${runId} OR t.variant_b_run_id = ${runId}
    ORDER BY t.started_at DESC, t.id`;
  return rows.map((row) => toRunAbTest(row, runId));
}

/** The versions either side of a run among the runs of its model type, by semver precedence. */
async function neighbouringVersions(client: Queryable, run: RunFields): Promise<{ previous: RunRef | null; next: RunRef | null }> {
  const rows = await client.$queryRaw<{ id: string; model_version: string; started_at: string }[]>`
    SELECT id, model_version, started_at FROM model_training_runs WHERE model_type = ${run.modelType}`;
  const newestFirst = sortNewestVersionFirst(rows.map((row) => ({ id: row.id, modelVersion: row.model_version, startedAt: row.started_at })));
  const index = newestFirst.findIndex((candidate) => candidate.id === run.id);
  const ref = (candidate: { id: string; modelVersion: string } | undefined): RunRef | null =>
    candidate ? { id: candidate.id, modelType: run.modelType, modelVersion: candidate.modelVersion } : null;
  return { previous: ref(newestFirst[index + 1]), next: index > 0 ? ref(newestFirst[index - 1]) : null };
}

async function snapshotOfRun(client: Queryable, runId: string): Promise<Snapshot | null> {
  const rows = await client.$queryRaw<{ snapshot_id: string | null }[]>`
    SELECT training_data_snapshot_id AS snapshot_id FROM model_training_runs WHERE id = ${runId}`;
  const id = rows[0]?.snapshot_id;
  return id ? snapshotById(id) : null;
}

async function loadRunDetail(id: string, client: Queryable = db): Promise<RunDetail | null> {
  const [run] = await runsByIds(client, [id]);
  if (!run) return null;
  const [live, abTests, versions, trainingData] = await Promise.all([
    liveMetricsByRun(client, [run]),
    abTestsOfRun(client, run.id),
    neighbouringVersions(client, run),
    snapshotOfRun(client, run.id),
  ]);
  return { ...run, trainingData, live: live.get(run.id)!, abTests, previousVersion: versions.previous, nextVersion: versions.next };
}

/**
 * One run with everything its page shows, or null when there is no run with that id. Cached per request:
 * the page and its metadata both read it.
 */
export const runDetail = cache(loadRunDetail);

/** Whether a run with this id exists: the run page's layout asks before its loading boundary streams a 200. */
export const runExists = cache(async (id: string, client: Queryable = db): Promise<boolean> => {
  const rows = await client.$queryRaw<unknown[]>`SELECT 1 FROM model_training_runs WHERE id = ${id}`;
  return rows.length > 0;
});
