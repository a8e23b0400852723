import { afterEach, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { MigrationError, migrate, migrationChecksum, readMigrationFiles } from "./migrator";

let temp: TempDatabase | undefined;
afterEach(async () => {
  await temp?.close();
  temp = undefined;
});

function schemaDump(db: TempDatabase["sqlite"]): string {
  return JSON.stringify(db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").all());
}

describe("migrate", () => {
  it("applies every migration once and records each in _prisma_migrations with its SHA-256 checksum", () => {
    temp = createTempDatabase({ migrated: false });
    const files = readMigrationFiles();
    const result = migrate(temp.sqlite);
    expect(result.applied).toEqual(files.map((f) => f.name));
    const rows = temp.sqlite
      .prepare("SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name")
      .all() as { migration_name: string; checksum: string; finished_at: number; applied_steps_count: number }[];
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(files[i]!.checksum);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeGreaterThan(0);
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("is a no-op when up to date: a second run applies nothing and changes no schema", () => {
    temp = createTempDatabase();
    const before = schemaDump(temp.sqlite);
    const again = migrate(temp.sqlite);
    expect(again.applied).toEqual([]);
    expect(again.upToDate.length).toBe(readMigrationFiles().length);
    expect(schemaDump(temp.sqlite)).toBe(before);
    expect(temp.sqlite.prepare("SELECT COUNT(*) AS n FROM _prisma_migrations").get()).toEqual({ n: readMigrationFiles().length });
  });

  it("refuses to run when an applied migration's file has changed, naming the migration", () => {
    temp = createTempDatabase();
    const files = readMigrationFiles();
    const edited = files.map((f, i) => (i === 0 ? { ...f, sql: `${f.sql}\n-- edit`, checksum: migrationChecksum(`${f.sql}\n-- edit`) } : f));
    expect(() => migrate(temp!.sqlite, edited)).toThrow(MigrationError);
    expect(() => migrate(temp!.sqlite, edited)).toThrow(new RegExp(`${files[0]!.name} was modified after it was applied`));
  });

  it("refuses to run when an applied migration's directory is missing", () => {
    temp = createTempDatabase();
    expect(() => migrate(temp!.sqlite, [])).toThrow(/is recorded as applied but .* is missing/);
  });

  it("rolls a failing migration back whole: none of its statements and no record remain", () => {
    temp = createTempDatabase();
    const bad = { name: "99999999999999_bad", sql: "CREATE TABLE half_done (id INTEGER);\nINSERT INTO no_such_table VALUES (1);", checksum: "" };
    bad.checksum = migrationChecksum(bad.sql);
    expect(() => migrate(temp!.sqlite, [...readMigrationFiles(), bad])).toThrow(/99999999999999_bad failed and was rolled back/);
    expect(temp.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    expect(temp.sqlite.prepare("SELECT COUNT(*) AS n FROM _prisma_migrations WHERE migration_name = ?").get(bad.name)).toEqual({ n: 0 });
  });

  it("applies only the new migration when one is added later", () => {
    temp = createTempDatabase();
    const extra = { name: "99999999999999_extra", sql: "CREATE TABLE extra_table (id INTEGER PRIMARY KEY);", checksum: "" };
    extra.checksum = migrationChecksum(extra.sql);
    const result = migrate(temp.sqlite, [...readMigrationFiles(), extra]);
    expect(result.applied).toEqual([extra.name]);
    expect(temp.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'extra_table'").get()).toEqual({ name: "extra_table" });
  });
});

describe("migrate, with foreign keys", () => {
  const parentAndChild = {
    name: "99999999999990_parent_child",
    sql: `CREATE TABLE parent (id TEXT PRIMARY KEY);
CREATE TABLE child (id TEXT PRIMARY KEY, parent_id TEXT NOT NULL REFERENCES parent(id) ON DELETE CASCADE);`,
  };
  // The table rebuild Prisma generates for SQLite when a column or constraint changes.
  const rebuildParent = {
    name: "99999999999991_rebuild_parent",
    sql: `PRAGMA foreign_keys=OFF;
CREATE TABLE new_parent (id TEXT PRIMARY KEY, label TEXT NOT NULL DEFAULT 'x' CHECK (length(label) > 0));
INSERT INTO new_parent (id) SELECT id FROM parent;
DROP TABLE parent;
ALTER TABLE new_parent RENAME TO parent;
PRAGMA foreign_keys=ON;`,
  };
  const withChecksum = (m: { name: string; sql: string }) => ({ ...m, checksum: migrationChecksum(m.sql) });

  it("keeps child rows when a later migration rebuilds their parent table (no cascade through DROP TABLE)", () => {
    temp = createTempDatabase();
    migrate(temp.sqlite, [...readMigrationFiles(), withChecksum(parentAndChild)]);
    temp.sqlite.exec("INSERT INTO parent VALUES ('p1'); INSERT INTO child VALUES ('c1', 'p1'), ('c2', 'p1');");
    const result = migrate(temp.sqlite, [...readMigrationFiles(), withChecksum(parentAndChild), withChecksum(rebuildParent)]);
    expect(result.applied).toEqual([rebuildParent.name]);
    expect(temp.sqlite.prepare("SELECT id FROM child ORDER BY id").all()).toEqual([{ id: "c1" }, { id: "c2" }]);
    expect(temp.sqlite.prepare("SELECT id, label FROM parent").all()).toEqual([{ id: "p1", label: "x" }]);
    // Enforcement is back on afterwards.
    expect(temp.sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(() => temp!.sqlite.exec("INSERT INTO child VALUES ('c3', 'missing')")).toThrow(/FOREIGN KEY constraint failed/);
  });

  it("rolls back a migration that would leave rows pointing at missing parents, naming the relation", () => {
    temp = createTempDatabase();
    migrate(temp.sqlite, [...readMigrationFiles(), withChecksum(parentAndChild)]);
    temp.sqlite.exec("INSERT INTO parent VALUES ('p1'); INSERT INTO child VALUES ('c1', 'p1');");
    const dropParentRow = withChecksum({ name: "99999999999992_drop_parent_row", sql: "DELETE FROM parent WHERE id = 'p1';" });
    expect(() => migrate(temp!.sqlite, [...readMigrationFiles(), withChecksum(parentAndChild), dropParentRow])).toThrow(
      /99999999999992_drop_parent_row would leave 1 row\(s\) referring to missing parents \(child → parent\)/,
    );
    expect(temp.sqlite.prepare("SELECT id FROM parent").all()).toEqual([{ id: "p1" }]);
    expect(temp.sqlite.prepare("SELECT COUNT(*) AS n FROM _prisma_migrations WHERE migration_name = ?").get(dropParentRow.name)).toEqual({ n: 0 });
    expect(temp.sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
  });
});
