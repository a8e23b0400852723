import type Database from "better-sqlite3";
import { EXPORT_BATCH_SIZE, EXPORT_COLUMNS, type ExportBatch, type ExportByteRow, type ExportFilters } from "@/lib/features/export-rows";
import { LATEST_LABELLING_FEEDBACK_ID_SQL, LATEST_VECTOR_OF_QUERY_SQL, POSITIVE_LABEL_SQL } from "@/lib/features/labelling";

/**
 * The benchmark's baseline for the export's reads: the rows as they were read before training_examples
 * (migration 20261128080000), joined and labelled at export time (the latest-vector and label probes per row)
 * with one embedding Buffer per row. The batch is handed to the same writers as the current reader's.
 */
const JOINED_SQL = `
    WITH page AS MATERIALIZED (
      SELECT fv.id AS feature_vector_id, fv.query_id, ${LATEST_LABELLING_FEEDBACK_ID_SQL} AS label_id
      FROM feature_vectors fv
      JOIN queries q ON q.id = fv.query_id
      WHERE fv.id > @after
        AND q.timestamp >= @since
        AND (@model IS NULL OR fv.embedding_model = @model)
        AND (@featureVersion IS NULL OR fv.feature_version = @featureVersion)
        AND ${LATEST_VECTOR_OF_QUERY_SQL}
        AND (@labelledOnly = 0 OR ${LATEST_LABELLING_FEEDBACK_ID_SQL} IS NOT NULL)
      ORDER BY fv.id
      LIMIT @limit
    )
    SELECT q.id AS query_id, q.query_hash, q.timestamp, q.query_type, q.query_length, q.query_token_count, q.latency_ms,
      q.tool_calls, q.result_quality_score, q.error_occurred, fv.id AS feature_vector_id, fv.embedding_model,
      fv.embedding_dim, fv.feature_version, fv.features, CAST(fv.embedding AS BLOB) AS embedding,
      lf.feedback_type AS label_feedback_type, lf.rating AS label_rating,
      (SELECT COUNT(*) FROM feedback f_all WHERE f_all.query_id = q.id) AS feedback_count,
      ${POSITIVE_LABEL_SQL} AS positive_label
    FROM page
    JOIN feature_vectors fv ON fv.id = page.feature_vector_id
    JOIN queries q ON q.id = page.query_id
    LEFT JOIN feedback lf ON lf.id = page.label_id`;

const ID_AT = EXPORT_COLUMNS.indexOf("feature_vector_id");
const EMBEDDING_AT = EXPORT_COLUMNS.indexOf("embedding");

export function* joinedExportBatches(sqlite: Database.Database, filters: ExportFilters, batchSize = EXPORT_BATCH_SIZE): Generator<ExportBatch> {
  const statement = sqlite.prepare(JOINED_SQL).raw(true);
  let after = "";
  for (;;) {
    const rows = statement.all({ after, since: filters.since, model: filters.model, featureVersion: filters.featureVersion, labelledOnly: filters.labelledOnly ? 1 : 0, limit: batchSize }) as ExportByteRow[];
    if (rows.length === 0) return;
    yield { rows, embeddings: Buffer.concat(rows.map((row) => row[EMBEDDING_AT] as Buffer)), doubles: null };
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]![ID_AT] as string;
  }
}
