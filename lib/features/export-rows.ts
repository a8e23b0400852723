import type Database from "better-sqlite3";
import { LATEST_LABELLING_FEEDBACK_ID_SQL, LATEST_VECTOR_OF_QUERY_SQL, POSITIVE_LABEL_SQL } from "./labelling";

/** The resolved filters of an export: `since` is an instant, so a saved snapshot re-exports the same window. */
export type ExportFilters = {
  since: string;
  model: string | null;
  featureVersion: string | null;
  labelledOnly: boolean;
};

/** One training example. `embedding` and `features` are the stored JSON text, passed through unparsed. */
export type ExportRow = {
  query_id: string;
  query_hash: string;
  timestamp: string;
  query_type: string;
  query_length: number;
  query_token_count: number | null;
  latency_ms: number;
  tool_calls: number;
  result_quality_score: number | null;
  error_occurred: number;
  feature_vector_id: string;
  embedding_model: string | null;
  embedding_dim: number | null;
  feature_version: string | null;
  features: string | null;
  embedding: string;
  label_feedback_type: string | null;
  label_rating: number | null;
  feedback_count: number;
  positive_label: number | null;
};

export const EXPORT_COLUMNS: readonly (keyof ExportRow)[] = [
  "query_id", "query_hash", "timestamp", "query_type", "query_length", "query_token_count", "latency_ms", "tool_calls",
  "result_quality_score", "error_occurred", "feature_vector_id", "embedding_model", "embedding_dim", "feature_version",
  "features", "embedding", "label_feedback_type", "label_rating", "feedback_count", "positive_label",
];

export const EXPORT_BATCH_SIZE = 2_000;

/**
 * An export row as the CSV and JSONL writers read it: its values in EXPORT_COLUMNS order (better-sqlite3's raw
 * mode skips building an object per row), the embedding as its stored UTF-8 bytes.
 */
export type ExportByteRow = readonly (string | number | null | Uint8Array)[];
const ID_AT = EXPORT_COLUMNS.indexOf("feature_vector_id");

// The latest labelling feedback's id is taken per row inside a materialised CTE and joined afterwards: as a
// join condition, SQLite would run the correlated subquery once per feedback row instead of once per vector.
const exportSql = (embedding: string) => `
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
      fv.embedding_dim, fv.feature_version, fv.features, ${embedding} AS embedding,
      lf.feedback_type AS label_feedback_type, lf.rating AS label_rating,
      (SELECT COUNT(*) FROM feedback f_all WHERE f_all.query_id = q.id) AS feedback_count,
      ${POSITIVE_LABEL_SQL} AS positive_label
    FROM page
    JOIN feature_vectors fv ON fv.id = page.feature_vector_id
    JOIN queries q ON q.id = page.query_id
    LEFT JOIN feedback lf ON lf.id = page.label_id`;
// No ORDER BY in the outer query: sorting each batch with its embeddings (2,000 × 3.5 KB) was half the query's
// time. The page is materialised in id order and scanned in that order; inIdOrder checks it and sorts if not.

/** SQLite's BINARY order is that of the UTF-8 bytes; JavaScript's `<` (UTF-16 units) agrees below U+D800. */
function compareIds(a: string, b: string): number {
  if (/[\ud800-\uffff]/.test(a + b)) return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : a > b ? 1 : 0;
}

function inIdOrder<Row>(rows: Row[], id: (row: Row) => string): Row[] {
  for (let i = 1; i < rows.length; i++) {
    if (compareIds(id(rows[i - 1] as Row), id(rows[i] as Row)) >= 0) return rows.sort((a, b) => compareIds(id(a), id(b)));
  }
  return rows;
}

function* batches<Row>(statement: Database.Statement, filters: ExportFilters, batchSize: number, id: (row: Row) => string): Generator<Row[]> {
  let after = "";
  for (;;) {
    const rows = statement.all({
      after,
      since: filters.since,
      model: filters.model,
      featureVersion: filters.featureVersion,
      labelledOnly: filters.labelledOnly ? 1 : 0,
      limit: batchSize,
    }) as Row[];
    if (rows.length === 0) return;
    yield inIdOrder(rows, id);
    if (rows.length < batchSize) return;
    after = id(rows[rows.length - 1] as Row);
  }
}

/**
 * The rows of an export in a fixed order (feature vector id), read in batches by keyset pagination on that
 * primary key: each batch is one indexed range read, so memory holds one batch whatever the export's size,
 * and the order does not depend on insertion order or the query plan (snapshots hash the content).
 * One row per query and embedding model (labelling.ts); its label is the query's latest labelling feedback.
 */
export function exportRowBatches(sqlite: Database.Database, filters: ExportFilters, batchSize = EXPORT_BATCH_SIZE): Generator<ExportRow[]> {
  return batches<ExportRow>(sqlite.prepare(exportSql("fv.embedding")), filters, batchSize, (row) => row.feature_vector_id);
}

/**
 * The same rows with each embedding as its stored bytes (a BLOB cast copies them; reading TEXT would decode
 * 10K × 3.5 KB of JSON into strings only for the writer to encode them back), for the CSV and JSONL writers.
 */
export function exportByteRowBatches(sqlite: Database.Database, filters: ExportFilters, batchSize = EXPORT_BATCH_SIZE): Generator<ExportByteRow[]> {
  const statement = sqlite.prepare(exportSql("CAST(fv.embedding AS BLOB)")).raw();
  return batches<ExportByteRow>(statement, filters, batchSize, (row) => row[ID_AT] as string);
}
