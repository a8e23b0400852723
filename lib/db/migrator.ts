import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";

export const MIGRATIONS_DIR = path.resolve("prisma", "migrations");

// Prisma's own bookkeeping table, exactly as `prisma migrate` creates it on SQLite, so that
// `prisma migrate deploy` (where the schema engine exists) sees these migrations as applied.
const PRISMA_MIGRATIONS_DDL = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export type MigrationFile = { name: string; sql: string; checksum: string };

export type MigrationResult = { applied: string[]; upToDate: string[] };

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Prisma's checksum of a migration: the SHA-256 of migration.sql, hex. */
export function migrationChecksum(sql: string): string {
  return crypto.createHash("sha256").update(sql).digest("hex");
}

export function readMigrationFiles(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: migrationChecksum(sql) };
    });
}

type AppliedRow = { migration_name: string; checksum: string; finished_at: number | null; rolled_back_at: number | null };

function appliedMigrations(db: Database.Database): Map<string, AppliedRow> {
  const rows = db
    .prepare("SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations")
    .all() as AppliedRow[];
  return new Map(rows.filter((row) => row.rolled_back_at === null).map((row) => [row.migration_name, row]));
}

function assertHistoryMatches(applied: Map<string, AppliedRow>, files: MigrationFile[]): void {
  const byName = new Map(files.map((file) => [file.name, file]));
  for (const row of applied.values()) {
    if (row.finished_at === null) {
      throw new MigrationError(
        `Migration ${row.migration_name} started but never finished. Restore the database from a backup, ` +
          `or mark it rolled back, before migrating again.`,
      );
    }
    const file = byName.get(row.migration_name);
    if (!file) {
      throw new MigrationError(
        `Migration ${row.migration_name} is recorded as applied but prisma/migrations/${row.migration_name} ` +
          `is missing. Restore the migration directory; applied migrations must never be deleted.`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.migration_name} was modified after it was applied ` +
          `(recorded checksum ${row.checksum.slice(0, 12)}…, file now ${file.checksum.slice(0, 12)}…). ` +
          `Applied migrations are immutable: revert the edit and put the change in a new migration.`,
      );
    }
  }
}

/**
 * Runs one migration and its record in one transaction. Foreign-key enforcement is switched off around the
 * transaction (SQLite ignores that pragma inside one): with it on, the standard SQLite table rebuild that Prisma
 * generates (create new table, copy, DROP the old one, rename) would cascade-delete every child row. Instead the
 * whole database is checked with foreign_key_check before commit, so a migration cannot leave a dangling reference.
 */
function applyWithForeignKeysDeferredToCommit(db: Database.Database, file: MigrationFile, record: Database.Statement): boolean {
  const enforced = db.pragma("foreign_keys", { simple: true }) === 1;
  db.pragma("foreign_keys = OFF");
  try {
    const applyOne = db.transaction(() => {
      if (appliedMigrations(db).has(file.name)) return false;
      const startedAt = Date.now();
      try {
        db.exec(file.sql);
      } catch (error) {
        throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${(error as Error).message}`);
      }
      const violations = db.prepare("PRAGMA foreign_key_check").all() as { table: string; parent: string }[];
      if (violations.length > 0) {
        const where = [...new Set(violations.map((v) => `${v.table} → ${v.parent}`))].join(", ");
        throw new MigrationError(
          `Migration ${file.name} would leave ${violations.length} row(s) referring to missing parents (${where}); it was rolled back.`,
        );
      }
      record.run(crypto.randomUUID(), file.checksum, Date.now(), file.name, startedAt);
      return true;
    });
    return applyOne.immediate();
  } finally {
    if (enforced) db.pragma("foreign_keys = ON");
  }
}

/**
 * Applies pending migrations in name order, each in its own transaction together with its
 * _prisma_migrations row. Refuses to run when an applied migration's file changed or went missing.
 */
export function migrate(db: Database.Database, files: MigrationFile[] = readMigrationFiles()): MigrationResult {
  db.exec(PRISMA_MIGRATIONS_DDL);
  const result: MigrationResult = { applied: [], upToDate: [] };
  const record = db.prepare(
    `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)
     VALUES (?, ?, ?, ?, NULL, ?, 1)`,
  );

  // IMMEDIATE takes the write lock first, so two processes migrating at once apply each migration once.
  const applyPending = db.transaction(() => {
    const applied = appliedMigrations(db);
    assertHistoryMatches(applied, files);
    return files.filter((file) => !applied.has(file.name));
  });
  const pending = applyPending.immediate();
  result.upToDate = files.filter((file) => !pending.includes(file)).map((file) => file.name);

  for (const file of pending) {
    if (applyWithForeignKeysDeferredToCommit(db, file, record)) result.applied.push(file.name);
  }
  return result;
}
