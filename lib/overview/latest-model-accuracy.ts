import "server-only";
import { db } from "@/lib/db";
import type { Queryable } from "@/lib/db/queryable";
import { toNumber, toNumberOrNull } from "@/lib/db/rows";
import { Prisma } from "@/lib/generated/prisma/client";
import { sortNewestVersionFirst } from "@/lib/runs/latest-version";
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
  /**
   * When the latest version has no labelled predictions yet (typically still training or just deployed), the
   * newest older version that has. It may be an A/B challenger rather than the deployed version, so the page
   * calls it "newest measured", not "serving". Null otherwise.
   */
  newestMeasured: MeasuredVersion | null;
};

export type MeasuredVersion = {
  runId: string;
  modelVersion: string;
  labelled: number;
  correct: number;
  liveAccuracy: number;
  interval: Interval;
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

type Counts = { predictions: number; labelled: number; correct: number };

async function predictionCounts(client: Queryable, runIds: string[]): Promise<Map<string, Counts>> {
  const rows = await client.$queryRaw<PredictionCounts[]>`
    SELECT model_run_id, COUNT(*) AS predictions, COUNT(is_correct) AS labelled, COALESCE(SUM(is_correct), 0) AS correct
    FROM model_predictions
    WHERE model_run_id IN (${Prisma.join(runIds)})
    GROUP BY model_run_id`;
  return new Map(
    rows.map((row) => [
      row.model_run_id,
      { predictions: toNumber(row.predictions), labelled: toNumber(row.labelled), correct: toNumber(row.correct) },
    ]),
  );
}

const NO_PREDICTIONS: Counts = { predictions: 0, labelled: 0, correct: 0 };

/** Walks older versions, newest first, until one has labelled predictions; looks at a bounded number. */
async function findNewestMeasuredVersion(client: Queryable, olderRuns: RunRow[]): Promise<MeasuredVersion | null> {
  const SEARCH_LIMIT = 20;
  const candidates = olderRuns.slice(0, SEARCH_LIMIT);
  if (candidates.length === 0) return null;
  const counts = await predictionCounts(client, candidates.map((run) => run.id));
  for (const run of candidates) {
    const { labelled, correct } = counts.get(run.id) ?? NO_PREDICTIONS;
    const interval = wilsonInterval(correct, labelled);
    if (labelled > 0 && interval) {
      return { runId: run.id, modelVersion: run.model_version, labelled, correct, liveAccuracy: correct / labelled, interval };
    }
  }
  return null;
}

/**
 * Live accuracy of the latest version of each model type, latest by semantic-version precedence. Model types
 * without any training run are left out.
 */
export async function latestModelAccuracy(client: Queryable = db): Promise<LatestModelAccuracy[]> {
  const runs = await client.$queryRaw<RunRow[]>`
    SELECT id, model_type, model_version, started_at, completed_at, accuracy FROM model_training_runs`;
  const byType = MODEL_TYPES.flatMap((modelType) => {
    const newestFirst = sortNewestVersionFirst(
      runs
        .filter((run) => run.model_type === modelType)
        .map((run) => ({ ...run, modelType, modelVersion: run.model_version, startedAt: run.started_at })),
    );
    const [latest, ...older] = newestFirst;
    return latest ? [{ latest, older }] : [];
  });
  if (byType.length === 0) return [];

  const counts = await predictionCounts(client, byType.map(({ latest }) => latest.id));
  return Promise.all(
    byType.map(async ({ latest: run, older }) => {
      const { predictions, labelled, correct } = counts.get(run.id) ?? NO_PREDICTIONS;
      return {
        modelType: run.modelType,
        runId: run.id,
        modelVersion: run.model_version,
        completed: run.completed_at !== null,
        predictions,
        labelled,
        correct,
        liveAccuracy: labelled > 0 ? correct / labelled : null,
        interval: wilsonInterval(correct, labelled),
        trainingAccuracy: toNumberOrNull(run.accuracy),
        newestMeasured: labelled > 0 ? null : await findNewestMeasuredVersion(client, older),
      };
    }),
  );
}
