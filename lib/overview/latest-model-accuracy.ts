import "server-only";
import { db } from "@/lib/db";
import type { Queryable } from "@/lib/db/queryable";
import { toNumber, toNumberOrNull } from "@/lib/db/rows";
import { Prisma } from "@/lib/generated/prisma/client";
import { pickLatestVersion } from "@/lib/runs/latest-version";
import { MODEL_TYPES, type ModelType } from "@/lib/runs/model-types";
import { wilsonInterval, type Interval } from "@/lib/stats/wilson";

export type LatestModelAccuracy = {
  modelType: ModelType;
  runId: string;
  modelVersion: string;
  /** False while the run is still training (completed_at is NULL). */
  completed: boolean;
  predictions: number;
  /** Predictions with ground truth recorded; live accuracy is over these only. */
  labelled: number;
  correct: number;
  /** correct / labelled; null when nothing is labelled yet. */
  liveAccuracy: number | null;
  /** 95% Wilson score interval of the live accuracy. */
  interval: Interval | null;
  /** Accuracy measured at training time, for comparison. */
  trainingAccuracy: number | null;
};

type RunRow = {
  id: string;
  model_type: string;
  model_version: string;
  started_at: string;
  completed_at: string | null;
  accuracy: unknown;
};

type PredictionCounts = { model_run_id: string; predictions: unknown; labelled: unknown; correct: unknown };

/**
 * Live accuracy of the latest version of each model type, latest by semantic-version precedence. Model types
 * without any training run are left out.
 */
export async function latestModelAccuracy(client: Queryable = db): Promise<LatestModelAccuracy[]> {
  const runs = await client.$queryRaw<RunRow[]>`
    SELECT id, model_type, model_version, started_at, completed_at, accuracy FROM model_training_runs`;
  const latest = MODEL_TYPES.flatMap((modelType) => {
    const candidates = runs
      .filter((run) => run.model_type === modelType)
      .map((run) => ({ ...run, modelType, modelVersion: run.model_version, startedAt: run.started_at }));
    const run = pickLatestVersion(candidates);
    return run ? [run] : [];
  });
  if (latest.length === 0) return [];

  const counts = await client.$queryRaw<PredictionCounts[]>`
    SELECT model_run_id, COUNT(*) AS predictions, COUNT(is_correct) AS labelled, COALESCE(SUM(is_correct), 0) AS correct
    FROM model_predictions
    WHERE model_run_id IN (${Prisma.join(latest.map((run) => run.id))})
    GROUP BY model_run_id`;
  const countsByRun = new Map(counts.map((row) => [row.model_run_id, row]));

  return latest.map((run) => {
    const row = countsByRun.get(run.id);
    const labelled = row ? toNumber(row.labelled) : 0;
    const correct = row ? toNumber(row.correct) : 0;
    return {
      modelType: run.modelType,
      runId: run.id,
      modelVersion: run.model_version,
      completed: run.completed_at !== null,
      predictions: row ? toNumber(row.predictions) : 0,
      labelled,
      correct,
      liveAccuracy: labelled > 0 ? correct / labelled : null,
      interval: wilsonInterval(correct, labelled),
      trainingAccuracy: toNumberOrNull(run.accuracy),
    };
  });
}
