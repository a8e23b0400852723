import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import type { ExportFormat } from "./export-params";
import { EXPORT_COLUMNS, exportByteRowBatches, type ExportFilters } from "./export-rows";
import { trainingDataStream } from "./export-stream";

const ID_AT = EXPORT_COLUMNS.indexOf("feature_vector_id");
const VERSION_AT = EXPORT_COLUMNS.indexOf("feature_version");

/** What a snapshot records of an export's content, and what verifying it compares. */
export type ExportMeasure = {
  /** SHA-256 (lower-case hex) of exactly the bytes the export route serves for these filters. */
  contentSha256: string;
  byteCount: number;
  rowCount: number;
  /** SHA-256 of the exported feature-vector ids, one per line, in export order. */
  rowsSha256: string;
  /** The distinct feature versions of the rows, sorted. */
  featureVersions: string[];
};

/** SHA-256 and length of a byte stream, read to its end. */
export async function hashStream(stream: ReadableStream<Uint8Array>): Promise<{ sha256: string; byteCount: number }> {
  const hash = createHash("sha256");
  let byteCount = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hash.update(value);
    byteCount += value.byteLength;
  }
  return { sha256: hash.digest("hex"), byteCount };
}

/**
 * Measures an export: its bytes come from the same stream the export route serves (so the hash is of exactly
 * those bytes), its rows from the same row reader. Call it inside `inReadTransaction` so both passes see one
 * database state.
 */
export async function measureExport(sqlite: Database.Database, format: ExportFormat, filters: ExportFilters): Promise<ExportMeasure> {
  const content = await hashStream(trainingDataStream(sqlite, format, filters));
  const ids = createHash("sha256");
  const versions = new Set<string>();
  let rowCount = 0;
  // The byte rows: only the ids and versions are read, so no embedding is decoded to a string.
  for (const { rows } of exportByteRowBatches(sqlite, filters)) {
    for (const row of rows) {
      ids.update(`${row[ID_AT] as string}\n`);
      const version = row[VERSION_AT] as string | null;
      if (version !== null) versions.add(version);
    }
    rowCount += rows.length;
  }
  return { contentSha256: content.sha256, byteCount: content.byteCount, rowCount, rowsSha256: ids.digest("hex"), featureVersions: [...versions].sort() };
}

/**
 * Runs `work` inside one read transaction of this connection: every statement in it reads the same database
 * state (WAL snapshot isolation), even across the awaits of a stream, while other connections keep writing.
 * The connection must not be shared with other work meanwhile (snapshot-connection.ts opens one per use).
 */
export async function inReadTransaction<T>(sqlite: Database.Database, work: () => Promise<T>): Promise<T> {
  sqlite.exec("BEGIN");
  try {
    return await work();
  } finally {
    if (sqlite.inTransaction) sqlite.exec("COMMIT");
  }
}

/** The newest migration applied to the database: the schema version a snapshot's rows were read under. */
export function latestMigration(sqlite: Database.Database): string {
  const name = sqlite
    .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1")
    .pluck()
    .get() as string | undefined;
  return name ?? "unknown";
}
