import "server-only";
import { db } from "@/lib/db";
import type { Queryable } from "@/lib/db/queryable";
import { toNumber, toNumberOrNull } from "@/lib/db/rows";

export type SchemaSummary = { tables: number; views: number; indexes: number; version: number | null };

/** The size of the migrated schema, leaving out SQLite's and Prisma's own bookkeeping tables. */
export async function schemaSummary(client: Queryable = db): Promise<SchemaSummary> {
  const [row] = await client.$queryRaw<{ tables: unknown; views: unknown; indexes: unknown; version: unknown }[]>`
    SELECT
      COUNT(CASE WHEN type = 'table' THEN 1 END) AS tables,
      COUNT(CASE WHEN type = 'view' THEN 1 END) AS views,
      COUNT(CASE WHEN type = 'index' THEN 1 END) AS indexes,
      (SELECT MAX(version) FROM schema_version) AS version
    FROM sqlite_master
    WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '_prisma_migrations'`;
  return {
    tables: row ? toNumber(row.tables) : 0,
    views: row ? toNumber(row.views) : 0,
    indexes: row ? toNumber(row.indexes) : 0,
    version: row ? toNumberOrNull(row.version) : null,
  };
}
