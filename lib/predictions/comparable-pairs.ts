import "server-only";
import { db } from "@/lib/db";
import type { Queryable } from "@/lib/db/queryable";
import { toNumber } from "@/lib/db/rows";
import { isModelType, type ModelType } from "@/lib/runs/model-types";

export type ComparablePair = {
  modelType: ModelType;
  /** The older version (earlier start), then the newer one. */
  a: { id: string; modelVersion: string };
  b: { id: string; modelVersion: string };
  /** Queries both versions answered and that are labelled for both: what a paired comparison counts. */
  pairs: number;
};

/**
 * The pairs of versions of one model type that answered the same queries (a shadow deployment, a replay), most
 * shared labelled queries first: the pairs worth comparing. Versions only ever served one at a time share no
 * query, so without this list nobody could tell which pairs the comparison has anything to say about. One pass
 * over the labelled predictions, each probing the query index for the other versions' answers.
 */
export async function comparablePairs(client: Queryable = db, limit = 8): Promise<ComparablePair[]> {
  const rows = await client.$queryRaw<{ model_type: string; a_id: string; a_version: string; b_id: string; b_version: string; pairs: unknown }[]>`
    SELECT ra.model_type, ra.id AS a_id, ra.model_version AS a_version, rb.id AS b_id, rb.model_version AS b_version,
           COUNT(*) AS pairs
    FROM model_predictions pa
    JOIN model_predictions pb ON pb.query_id = pa.query_id AND pb.model_run_id <> pa.model_run_id
    JOIN model_training_runs ra ON ra.id = pa.model_run_id
    JOIN model_training_runs rb ON rb.id = pb.model_run_id AND rb.model_type = ra.model_type
    WHERE pa.is_correct IS NOT NULL AND pb.is_correct IS NOT NULL
      AND (ra.started_at < rb.started_at OR (ra.started_at = rb.started_at AND ra.id < rb.id))
    GROUP BY ra.id, rb.id
    ORDER BY pairs DESC, ra.model_type, rb.started_at DESC
    LIMIT ${limit}`;
  return rows.flatMap((row) =>
    isModelType(row.model_type)
      ? [{ modelType: row.model_type, a: { id: row.a_id, modelVersion: row.a_version }, b: { id: row.b_id, modelVersion: row.b_version }, pairs: toNumber(row.pairs) }]
      : [],
  );
}
