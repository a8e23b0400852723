import "server-only";
import { db } from "@/lib/db";
import type { Queryable } from "@/lib/db/queryable";
import { toNumber } from "@/lib/db/rows";
import { mcnemarTest } from "@/lib/stats/mcnemar";
import { performanceRun, type PerformanceRun } from "./run-performance";
import { labelOf } from "./prediction-value";

export const DISAGREEMENTS_PAGE_SIZE = 25;

export type Disagreement = {
  queryId: string;
  predictedAt: string;
  /** The actual value, as recorded on A's prediction and on B's (each prediction is labelled on its own). */
  actualA: string;
  actualB: string;
  predictedA: string;
  predictedB: string;
  /** Which version got it right. */
  rightVersion: "A" | "B";
};

export type PairedComparison = {
  a: PerformanceRun;
  b: PerformanceRun;
  /** Queries both versions answered, and those of them labelled for both. */
  sharedQueries: number;
  pairs: number;
  bothCorrect: number;
  onlyAcorrect: number;
  onlyBcorrect: number;
  bothWrong: number;
  /** Accuracy of each version on the paired queries only; null without pairs. */
  accuracyA: number | null;
  accuracyB: number | null;
  /** Exact McNemar p-value of the discordant pairs. */
  pValue: number;
  disagreements: { rows: Disagreement[]; total: number; page: number; pageCount: number };
};

export type PairedComparisonResult = { ok: true; comparison: PairedComparison } | { ok: false; message: string };

/**
 * Two versions of one model type on the queries both answered: the 2×2 table of right and wrong over the
 * queries labelled for both, McNemar's exact test of the discordant pairs, and one page of the queries where
 * exactly one of them was right, newest first. Refuses unknown runs, the same run twice and different model types.
 */
export async function pairedComparison(
  input: { a: string; b: string; page: number },
  client: Queryable = db,
): Promise<PairedComparisonResult> {
  if (input.a === input.b) return { ok: false, message: "Choose two different versions to compare." };
  const [a, b] = await Promise.all([performanceRun(client, input.a), performanceRun(client, input.b)]);
  if (!a || !b) return { ok: false, message: `There is no training run with the id "${!a ? input.a : input.b}".` };
  if (a.modelType !== b.modelType) {
    return { ok: false, message: `A paired comparison needs two versions of one model type; ${a.modelType} ${a.modelVersion} and ${b.modelType} ${b.modelVersion} answer different questions.` };
  }
  const [counts] = await client.$queryRaw<Record<string, unknown>[]>`
    SELECT COUNT(*) AS shared,
           COUNT(CASE WHEN pa.is_correct IS NOT NULL AND pb.is_correct IS NOT NULL THEN 1 END) AS pairs,
           COUNT(CASE WHEN pa.is_correct = 1 AND pb.is_correct = 1 THEN 1 END) AS both_correct,
           COUNT(CASE WHEN pa.is_correct = 1 AND pb.is_correct = 0 THEN 1 END) AS only_a,
           COUNT(CASE WHEN pa.is_correct = 0 AND pb.is_correct = 1 THEN 1 END) AS only_b,
           COUNT(CASE WHEN pa.is_correct = 0 AND pb.is_correct = 0 THEN 1 END) AS both_wrong
    FROM model_predictions pa JOIN model_predictions pb ON pb.query_id = pa.query_id AND pb.model_run_id = ${b.id}
    WHERE pa.model_run_id = ${a.id}`;
  const pairs = toNumber(counts!.pairs);
  const bothCorrect = toNumber(counts!.both_correct);
  const onlyAcorrect = toNumber(counts!.only_a);
  const onlyBcorrect = toNumber(counts!.only_b);
  const discordant = onlyAcorrect + onlyBcorrect;
  const pageCount = Math.max(1, Math.ceil(discordant / DISAGREEMENTS_PAGE_SIZE));
  const page = Math.min(Math.max(1, input.page), pageCount);
  const rows = await client.$queryRaw<{ query_id: string; predicted_at: string; actual_a: string; actual_b: string; pred_a: string; pred_b: string; a_correct: unknown }[]>`
    SELECT pa.query_id, pa.predicted_at, pa.actual_value AS actual_a, pb.actual_value AS actual_b, pa.prediction AS pred_a,
           pb.prediction AS pred_b, pa.is_correct AS a_correct
    FROM model_predictions pa JOIN model_predictions pb ON pb.query_id = pa.query_id AND pb.model_run_id = ${b.id}
    WHERE pa.model_run_id = ${a.id} AND pa.is_correct IS NOT NULL AND pb.is_correct IS NOT NULL AND pa.is_correct <> pb.is_correct
    ORDER BY pa.predicted_at DESC, pa.query_id
    LIMIT ${DISAGREEMENTS_PAGE_SIZE} OFFSET ${(page - 1) * DISAGREEMENTS_PAGE_SIZE}`;
  return {
    ok: true,
    comparison: {
      a,
      b,
      sharedQueries: toNumber(counts!.shared),
      pairs,
      bothCorrect,
      onlyAcorrect,
      onlyBcorrect,
      bothWrong: toNumber(counts!.both_wrong),
      accuracyA: pairs === 0 ? null : (bothCorrect + onlyAcorrect) / pairs,
      accuracyB: pairs === 0 ? null : (bothCorrect + onlyBcorrect) / pairs,
      pValue: mcnemarTest({ onlyAcorrect, onlyBcorrect }).pValue,
      disagreements: {
        rows: rows.map((row) => ({
          queryId: row.query_id,
          predictedAt: row.predicted_at,
          actualA: labelOf(row.actual_a),
          actualB: labelOf(row.actual_b),
          predictedA: labelOf(row.pred_a),
          predictedB: labelOf(row.pred_b),
          rightVersion: toNumber(row.a_correct) === 1 ? "A" : "B",
        })),
        total: discordant,
        page,
        pageCount,
      },
    },
  };
}
