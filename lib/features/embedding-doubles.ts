import type Database from "better-sqlite3";
import { DoubleSink, readJsonDoubles } from "./parquet/json-doubles";

const EMBEDDING_DOUBLES_TABLE = "embedding_doubles";

/**
 * A stored embedding (its JSON text) as packed little-endian float64: the copy kept in embedding_doubles
 * (migration 20261128110000). Parsed by the reader the Parquet export uses for a vector without a copy, so both
 * paths give the same doubles (a non-number element is NaN in both).
 */
export function embeddingDoubles(json: string): Uint8Array<ArrayBuffer> {
  const sink = new DoubleSink(Math.max(16, json.length >> 1));
  readJsonDoubles(Buffer.from(json, "utf8"), sink);
  const bytes = new Uint8Array(sink.length * 8);
  bytes.set(sink.bytes());
  return bytes;
}

/** Writes the copies of a batch of feature vectors just inserted on this connection (one statement per row). */
export function insertEmbeddingDoubles(sqlite: Database.Database, vectors: readonly { id: string; embedding: string }[]): void {
  const insert = insertStatements.get(sqlite) ?? sqlite.prepare(`INSERT INTO ${EMBEDDING_DOUBLES_TABLE} (feature_vector_id, doubles) VALUES (?, ?)`);
  insertStatements.set(sqlite, insert);
  for (const { id, embedding } of vectors) insert.run(id, embeddingDoubles(embedding));
}
const insertStatements = new WeakMap<Database.Database, Database.Statement>();

const MISSING_SQL = `SELECT fv.id, fv.embedding FROM feature_vectors fv
  WHERE fv.id > ? AND NOT EXISTS (SELECT 1 FROM ${EMBEDDING_DOUBLES_TABLE} d WHERE d.feature_vector_id = fv.id)
  ORDER BY fv.id LIMIT ?`;

/**
 * Writes the copy of every feature vector that has none (written by another tool, before the migration, or
 * whose embedding changed), in transactions of `batchSize` vectors. Returns how many it wrote.
 */
export function fillEmbeddingDoubles(sqlite: Database.Database, batchSize = 2_000): number {
  const missing = sqlite.prepare(MISSING_SQL);
  const fill = sqlite.transaction((after: string) => {
    const vectors = missing.all(after, batchSize) as { id: string; embedding: string }[];
    insertEmbeddingDoubles(sqlite, vectors);
    return vectors;
  });
  let written = 0;
  let after = "";
  for (;;) {
    const vectors = fill(after);
    written += vectors.length;
    if (vectors.length < batchSize) return written;
    after = vectors[vectors.length - 1]!.id;
  }
}

/** A page's embeddings as packed float64, back to back in the page's order, and each one's element count. */
export type PageCopies = { bytes: Buffer; counts: Int32Array };
/** What copiesOfPageSql's statement returns (in raw mode): the copies, and their byte lengths (-1: none) as text. */
export type CopiesRow = [Buffer | null, string | null];

/**
 * One aggregate row holding the copies of the vectors `pageSql` selects (its column `idColumn`), concatenated in
 * the page's order, and each one's byte length: one value handed to JavaScript instead of a Buffer per row.
 */
export function copiesOfPageSql(pageSql: string, idColumn: string): string {
  return `SELECT CAST(group_concat(d.doubles, '') AS BLOB), group_concat(ifnull(length(d.doubles), -1))
  FROM (${pageSql}) page LEFT JOIN ${EMBEDDING_DOUBLES_TABLE} d ON d.feature_vector_id = page.${idColumn}`;
}

/** The page's copies from copiesOfPageSql's row, or null when one of its `rows` vectors has none. */
export function pageCopies([bytes, lengths]: CopiesRow, rows: number): PageCopies | null {
  const each = lengths === null ? [] : lengths.split(",");
  if (each.length !== rows) throw new Error(`Embedding copies: ${each.length} looked up for a page of ${rows} vectors`);
  const counts = new Int32Array(rows);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const length = Number(each[i]);
    if (length < 0) return null;
    counts[i] = length / 8;
    total += length;
  }
  const blob = bytes ?? Buffer.alloc(0);
  if (total !== blob.byteLength) throw new Error(`Embedding copies: the page's copies hold ${blob.byteLength} bytes, their lengths add up to ${total}`);
  return { bytes: blob, counts };
}
