import type Database from "better-sqlite3";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Tables an API batch may reference by id. */
export type ReferencedTable =
  | "queries"
  | "sessions"
  | "model_training_runs"
  | "model_predictions"
  | "feature_vectors"
  | "ab_test_results"
  | "feedback"
  | "tool_usage"
  | "reasoning_traces"
  | "privacy_consent";

// One statement for any number of ids: the ids travel as one JSON array parameter, not one parameter each.
const sql = (table: ReferencedTable) => `SELECT DISTINCT value AS id FROM json_each(?) WHERE value NOT IN (SELECT id FROM ${table})`;

/** The ids of `ids` that `table` does not hold, checked in one query. */
export function missingIds(sqlite: Database.Database, table: ReferencedTable, ids: readonly string[]): Set<string> {
  if (ids.length === 0) return new Set();
  return new Set(sqlite.prepare(sql(table)).pluck().all(JSON.stringify([...new Set(ids)])) as string[]);
}

/** missingIds through a Prisma transaction. */
export async function missingIdsIn(tx: Pick<Prisma.TransactionClient, "$queryRawUnsafe">, table: ReferencedTable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(sql(table), JSON.stringify([...new Set(ids)]));
  return new Set(rows.map((row) => row.id));
}
