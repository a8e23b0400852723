import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Queryable } from "@/lib/db/queryable";
import { toNumber, toNumberOrNull, toStringOrNull } from "@/lib/db/rows";
import { sortNewestVersionFirst } from "@/lib/runs/latest-version";
import { isModelType, MODEL_TYPES, type ModelType } from "@/lib/runs/model-types";
import { wilsonInterval, type Interval } from "@/lib/stats/wilson";
import { CALIBRATION_BINS, emptyBins, reportFromCounts, type ClassificationReport } from "./classification-report";
import { labelOf } from "./prediction-value";
import { trainingGap, type TrainingGap } from "./training-gap";

export type PerformanceRun = {
  id: string;
  modelType: ModelType;
  modelVersion: string;
  trainingAccuracy: number | null;
  testSamples: number | null;
};

export type ReliabilityBin = {
  /** Bin i covers confidences [i/10, (i+1)/10), the last one including 1. */
  bin: number;
  /** Labelled predictions with a confidence in the bin, and their accuracy and mean confidence (null when empty). */
  labelled: number;
  accuracy: number | null;
  meanConfidence: number | null;
  /** Every prediction with a confidence in the bin, labelled or not: the confidence histogram. */
  predictions: number;
};

export type DailyAccuracy = {
  day: string;
  predictions: number;
  labelled: number;
  correct: number;
  accuracy: number | null;
  interval: Interval | null;
};

export type RunPerformance = {
  run: PerformanceRun;
  predictions: number;
  labelled: number;
  correct: number;
  /** Live accuracy over labelled predictions (is_correct), with its 95% Wilson interval. */
  accuracy: number | null;
  interval: Interval | null;
  /** Metrics of the labelled predictions: confusion, macro and per-class P/R/F1, Brier, ECE. */
  report: ClassificationReport;
  reliability: ReliabilityBin[];
  daily: DailyAccuracy[];
  gap: TrainingGap | null;
};

type RunRow = { id: string; model_type: string; model_version: string; accuracy: unknown; test_samples: unknown };
type OutcomeRow = { prediction: string; actual_value: unknown; is_correct: unknown; bin: unknown; n: unknown; confidence_sum: unknown; confidence_squares: unknown };
type DayRow = { day: string; n: unknown; labelled: unknown; correct: unknown };

export async function performanceRun(client: Queryable, id: string): Promise<PerformanceRun | null> {
  const rows = await client.$queryRaw<RunRow[]>`
    SELECT id, model_type, model_version, accuracy, test_samples FROM model_training_runs WHERE id = ${id}`;
  const row = rows[0];
  if (!row || !isModelType(row.model_type)) return null;
  return {
    id: row.id,
    modelType: row.model_type,
    modelVersion: row.model_version,
    trainingAccuracy: toNumberOrNull(row.accuracy),
    testSamples: toNumberOrNull(row.test_samples),
  };
}

/**
 * Live metrics of one model version from two aggregate queries, each streaming one covering index range
 * (migration 20261128020000; the expressions are the indexes' own, verbatim): counts by predicted value, actual
 * value, verdict and confidence bin, and counts per UTC day. Null for an unknown run id.
 */
export async function runPerformance(id: string, client: Queryable = db): Promise<RunPerformance | null> {
  const run = await performanceRun(client, id);
  if (!run) return null;
  const [outcomes, days] = await Promise.all([
    client.$queryRaw<OutcomeRow[]>`
      SELECT prediction, actual_value, is_correct, min(CAST(confidence * 10 AS INTEGER), 9) AS bin, COUNT(*) AS n,
             TOTAL(confidence) AS confidence_sum, TOTAL(confidence * confidence) AS confidence_squares
      FROM model_predictions
      WHERE model_run_id = ${id}
      GROUP BY prediction, actual_value, is_correct, min(CAST(confidence * 10 AS INTEGER), 9)`,
    client.$queryRaw<DayRow[]>`
      SELECT substr(predicted_at, 1, 10) AS day, COUNT(*) AS n, COUNT(is_correct) AS labelled, TOTAL(is_correct) AS correct
      FROM model_predictions
      WHERE model_run_id = ${id}
      GROUP BY substr(predicted_at, 1, 10)
      ORDER BY day`,
  ]);

  const confusion = new Map<string, Map<string, number>>();
  const bins = emptyBins();
  const histogram = new Array<number>(CALIBRATION_BINS).fill(0);
  let squaredErrorSum = 0;
  let predictions = 0;
  let labelled = 0;
  let correct = 0;
  for (const row of outcomes) {
    const n = toNumber(row.n);
    const bin = toNumberOrNull(row.bin);
    const actualJson = toStringOrNull(row.actual_value);
    const verdict = toNumberOrNull(row.is_correct);
    predictions += n;
    if (bin !== null) histogram[bin]! += n;
    if (actualJson === null || verdict === null) continue;
    labelled += n;
    correct += verdict * n;
    const actual = labelOf(actualJson);
    const predicted = labelOf(row.prediction);
    const byPredicted = confusion.get(actual) ?? new Map<string, number>();
    byPredicted.set(predicted, (byPredicted.get(predicted) ?? 0) + n);
    confusion.set(actual, byPredicted);
    if (bin === null) continue;
    const sum = toNumber(row.confidence_sum);
    const squares = toNumber(row.confidence_squares);
    bins[bin]!.count += n;
    bins[bin]!.correct += verdict * n;
    bins[bin]!.confidenceSum += sum;
    // Σ(c − y)² = Σc² − 2yΣc + y²·n, with y the group's verdict.
    squaredErrorSum += squares - 2 * verdict * sum + verdict * n;
  }

  const interval = wilsonInterval(correct, labelled);
  return {
    run,
    predictions,
    labelled,
    correct,
    accuracy: labelled === 0 ? null : correct / labelled,
    interval,
    report: reportFromCounts({ confusion, bins, squaredErrorSum }),
    reliability: bins.map((bin, i) => ({
      bin: i,
      labelled: bin.count,
      accuracy: bin.count === 0 ? null : bin.correct / bin.count,
      meanConfidence: bin.count === 0 ? null : bin.confidenceSum / bin.count,
      predictions: histogram[i]!,
    })),
    daily: days.map((row) => {
      const dayLabelled = toNumber(row.labelled);
      const dayCorrect = toNumber(row.correct);
      return {
        day: row.day,
        predictions: toNumber(row.n),
        labelled: dayLabelled,
        correct: dayCorrect,
        accuracy: dayLabelled === 0 ? null : dayCorrect / dayLabelled,
        interval: wilsonInterval(dayCorrect, dayLabelled),
      };
    }),
    gap:
      run.trainingAccuracy === null
        ? null
        : trainingGap({ accuracy: run.trainingAccuracy, testSamples: run.testSamples }, { correct, labelled }),
  };
}

/** One read per request for the page and its metadata. */
export const cachedRunPerformance = cache((id: string) => runPerformance(id));

export type VersionOption = { id: string; modelType: ModelType; modelVersion: string; predictions: number };

/** Every run that has predictions, for the version pickers, by model type then newest version first. */
export async function versionsWithPredictions(client: Queryable = db): Promise<VersionOption[]> {
  const rows = await client.$queryRaw<{ id: string; model_type: string; model_version: string; started_at: string; n: unknown }[]>`
    SELECT r.id, r.model_type, r.model_version, r.started_at,
           (SELECT COUNT(*) FROM model_predictions p WHERE p.model_run_id = r.id) AS n
    FROM model_training_runs r
    WHERE EXISTS (SELECT 1 FROM model_predictions p WHERE p.model_run_id = r.id)`;
  const typed = rows.flatMap((row) =>
    isModelType(row.model_type)
      ? [{ id: row.id, modelType: row.model_type, modelVersion: row.model_version, startedAt: row.started_at, predictions: toNumber(row.n) }]
      : [],
  );
  return sortNewestVersionFirst(typed)
    .sort((a, b) => MODEL_TYPES.indexOf(a.modelType) - MODEL_TYPES.indexOf(b.modelType))
    .map(({ id, modelType, modelVersion, predictions }) => ({ id, modelType, modelVersion, predictions }));
}
