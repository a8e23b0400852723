import "server-only";
import type Database from "better-sqlite3";
import { openSqlite } from "@/lib/db/sqlite";
import { tuneForBulkReads } from "./bulk-pragmas";

// One raw connection per process (on globalThis, like lib/db.ts, so dev hot reload does not open more).
const globalForBulk = globalThis as unknown as { rallBulkSqlite?: Database.Database };

/**
 * A better-sqlite3 connection for the feature pages' bulk reads and writes: the export streams, the embedding
 * index (200K × 384 vectors) and k-means read far more rows than Prisma's row mapping handles quickly (see
 * lib/db/sqlite.ts). Small reads still go through Prisma. It memory-maps the file (bulk-pragmas.ts).
 */
export function bulkConnection(): Database.Database {
  return (globalForBulk.rallBulkSqlite ??= tuneForBulkReads(openSqlite()));
}
