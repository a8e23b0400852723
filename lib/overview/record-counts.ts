import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Queryable } from "@/lib/db/queryable";
import { toNumber } from "@/lib/db/rows";

export type RecordCounts = {
  trainingRuns: number;
  predictions: number;
  labelledPredictions: number;
  abTests: number;
  featureVectors: number;
  sessions: number;
  queries: number;
  consentRecords: number;
  redactions: number;
};

/** How many rows each section of the dashboard has to show, in one round trip. */
async function countRecords(client: Queryable = db): Promise<RecordCounts> {
  const [row] = await client.$queryRaw<Record<keyof RecordCounts, unknown>[]>`
    SELECT
      (SELECT COUNT(*) FROM model_training_runs) AS "trainingRuns",
      (SELECT COUNT(*) FROM model_predictions) AS "predictions",
      (SELECT COUNT(*) FROM model_predictions WHERE is_correct IS NOT NULL) AS "labelledPredictions",
      (SELECT COUNT(*) FROM ab_test_results) AS "abTests",
      (SELECT COUNT(*) FROM feature_vectors) AS "featureVectors",
      (SELECT COUNT(*) FROM sessions) AS "sessions",
      (SELECT COUNT(*) FROM queries) AS "queries",
      (SELECT COUNT(*) FROM privacy_consent) AS "consentRecords",
      (SELECT COUNT(*) FROM redaction_log) AS "redactions"`;
  if (!row) throw new Error("The record count query returned no row");
  return {
    trainingRuns: toNumber(row.trainingRuns),
    predictions: toNumber(row.predictions),
    labelledPredictions: toNumber(row.labelledPredictions),
    abTests: toNumber(row.abTests),
    featureVectors: toNumber(row.featureVectors),
    sessions: toNumber(row.sessions),
    queries: toNumber(row.queries),
    consentRecords: toNumber(row.consentRecords),
    redactions: toNumber(row.redactions),
  };
}

/** Cached per request: the overview's empty check and its section links read the same counts. */
export const recordCounts = cache(countRecords);

/** True when nothing has been recorded yet, the state a fresh install is in before seeding. */
export function isEmptyDatabase(counts: RecordCounts): boolean {
  return Object.values(counts).every((count) => count === 0);
}
