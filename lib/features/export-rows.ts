import type Database from "better-sqlite3";
import { copiesOfPageSql, pageCopies, type CopiesRow, type PageCopies } from "./embedding-doubles";

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
export type ExportByteRow = (string | number | null | Uint8Array)[];

/**
 * One page of an export: its rows, whose embeddings are views of `embeddings`, all of the page's bytes in order.
 * When the reader was asked for doubles (Parquet) and every row of the page has its copy in embedding_doubles,
 * `doubles` holds the page's embeddings as packed float64 and each row's element count instead: `embeddings` is
 * then empty and each row's embedding cell its JSON byte length.
 */
export type ExportBatch = { rows: ExportByteRow[]; embeddings: Buffer; doubles: PageCopies | null };

/** What a page reader hands over for the embeddings: their JSON bytes, or their copies as doubles where all exist. */
export type EmbeddingForm = "json" | "doubles";
const EMBEDDING_AT = EXPORT_COLUMNS.indexOf("embedding");
const ID_AT = EXPORT_COLUMNS.indexOf("feature_vector_id");

// The rows come from training_examples (migration 20261128080000), where triggers keep each vector's query
// columns, label, feedback count and "latest vector of its query and model" flag current, so a page is one
// range read of one table. In the embedding's place the row holds its byte length.
const FILTERS = `feature_vector_id > @after
  AND timestamp >= @since
  AND is_latest = 1
  AND (@model IS NULL OR embedding_model = @model)
  AND (@featureVersion IS NULL OR feature_version = @featureVersion)
  AND (@labelledOnly = 0 OR label_feedback_type IS NOT NULL)`;
const ROWS_SQL = `SELECT ${EXPORT_COLUMNS.map((column) => (column === "embedding" ? "embedding_bytes" : column)).join(", ")}
  FROM training_examples WHERE ${FILTERS} ORDER BY feature_vector_id LIMIT @limit`;

// A page's embeddings as one blob: one value handed to JavaScript instead of one Buffer per row (measured at
// 10K × 384: 30 ms of a 40 ms read was allocating 10,000 Buffers). The same filters in the same read transaction
// select the same rows; the aggregate reads them in the subquery's id order, and the blob's length is checked
// against the rows' byte counts.
const PAGE_IDS = `SELECT feature_vector_id FROM training_examples WHERE ${FILTERS} ORDER BY feature_vector_id LIMIT @limit`;
const EMBEDDINGS_SQL = `SELECT CAST(group_concat(fv.embedding, '') AS BLOB)
  FROM (${PAGE_IDS}) page JOIN feature_vectors fv ON fv.id = page.feature_vector_id`;
// The same for the float64 copies (lib/features/embedding-doubles.ts): a Parquet export of 10K × 384 that copies
// them takes 63–68 ms of CPU against 116–121 ms parsing the JSON (medians, alternating, two runs).
const DOUBLES_SQL = copiesOfPageSql(PAGE_IDS, "feature_vector_id");

type PageReader = (params: Record<string, unknown>) => ExportBatch;
const pageReaders: Record<EmbeddingForm, WeakMap<Database.Database, PageReader>> = { json: new WeakMap(), doubles: new WeakMap() };

/**
 * Reads one page: its rows, then its embeddings, in one transaction (a savepoint inside an outer one). Asked for
 * doubles, a page with a vector lacking its copy falls back to the JSON bytes as a whole.
 */
function pageReader(sqlite: Database.Database, form: EmbeddingForm): PageReader {
  let reader = pageReaders[form].get(sqlite);
  if (!reader) {
    const rows = sqlite.prepare(ROWS_SQL).raw(true);
    const embeddings = sqlite.prepare(EMBEDDINGS_SQL).pluck(true);
    const doubles = form === "doubles" ? sqlite.prepare(DOUBLES_SQL).raw(true) : null;
    reader = sqlite.transaction((params: Record<string, unknown>): ExportBatch => {
      const page = rows.all(params) as ExportByteRow[];
      if (page.length === 0) return { rows: page, embeddings: EMPTY, doubles: null };
      const copies = doubles ? pageCopies(doubles.get(params) as CopiesRow, page.length) : null;
      if (copies) return { rows: page, embeddings: EMPTY, doubles: copies };
      const blob = (embeddings.get(params) as Buffer | null) ?? EMPTY;
      attachEmbeddings(page, blob);
      return { rows: page, embeddings: blob, doubles: null };
    });
    pageReaders[form].set(sqlite, reader);
  }
  return reader;
}
const EMPTY = Buffer.alloc(0);

/** Replaces each row's embedding byte count with a view of its bytes in the page's blob. */
function attachEmbeddings(page: ExportByteRow[], blob: Buffer): void {
  let at = 0;
  for (const row of page) {
    const length = row[EMBEDDING_AT] as number;
    row[EMBEDDING_AT] = blob.subarray(at, at + length);
    at += length;
  }
  if (at !== blob.byteLength) throw new Error(`Export page: the embeddings hold ${blob.byteLength} bytes, the rows ${at}`);
}

/**
 * The rows of an export in a fixed order (feature vector id), read in pages by keyset pagination on that
 * primary key: each page is one indexed range read, so memory holds one page whatever the export's size,
 * and the order does not depend on insertion order or the query plan (snapshots hash the content).
 * One row per query and embedding model (labelling.ts); its label is the query's latest labelling feedback.
 * Each embedding is its stored bytes, for the writers to copy (CSV, JSONL) or parse (Parquet), or with `form`
 * "doubles" its packed float64 copy where the page's vectors all have one (Parquet).
 */
export function* exportByteRowBatches(
  sqlite: Database.Database,
  filters: ExportFilters,
  batchSize = EXPORT_BATCH_SIZE,
  form: EmbeddingForm = "json",
): Generator<ExportBatch> {
  const page = pageReader(sqlite, form);
  let after = "";
  for (;;) {
    const batch = page({
      after,
      since: filters.since,
      model: filters.model,
      featureVersion: filters.featureVersion,
      labelledOnly: filters.labelledOnly ? 1 : 0,
      limit: batchSize,
    });
    const { rows } = batch;
    if (rows.length === 0) return;
    yield batch;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]![ID_AT] as string;
  }
}

/** The same rows as objects, the embedding as its JSON text. */
export function* exportRowBatches(sqlite: Database.Database, filters: ExportFilters, batchSize = EXPORT_BATCH_SIZE): Generator<ExportRow[]> {
  for (const batch of exportByteRowBatches(sqlite, filters, batchSize)) {
    yield batch.rows.map((values) => {
      const row = {} as Record<keyof ExportRow, unknown>;
      EXPORT_COLUMNS.forEach((column, i) => {
        const value = values[i];
        row[column] = value instanceof Uint8Array ? Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("utf8") : value;
      });
      return row as ExportRow;
    });
  }
}
