import { afterEach, describe, expect, it } from "vitest";
import { readMigrationFiles } from "@/lib/db/migrator";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { schemaSummary } from "./summary";

let temp: TempDatabase | undefined;
afterEach(async () => {
  await temp?.close();
  temp = undefined;
});

describe("schemaSummary", () => {
  it("counts the tables, views and indexes the migrations create, and the latest schema version they record", async () => {
    temp = createTempDatabase();
    const sql = readMigrationFiles().map((file) => file.sql).join("\n");
    const count = (pattern: RegExp) => sql.match(pattern)?.length ?? 0;
    const versions = [...sql.matchAll(/INSERT INTO schema_version \(version[^)]*\)\s*VALUES \((\d+)/g)].map((m) => Number(m[1]));

    expect(await schemaSummary(temp.prisma())).toEqual({
      tables: count(/^CREATE TABLE /gm),
      views: count(/^CREATE VIEW /gm),
      indexes: count(/^CREATE (UNIQUE )?INDEX /gm),
      version: Math.max(...versions),
    });
  });

  it("has no version on a database whose schema_version table is empty", async () => {
    temp = createTempDatabase();
    temp.sqlite.exec("DELETE FROM schema_version");
    expect((await schemaSummary(temp.prisma())).version).toBeNull();
  });
});
