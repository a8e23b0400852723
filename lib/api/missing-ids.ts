import type Database from "better-sqlite3";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ItemErrors } from "./batch";

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

/**
 * An item error on "id" for each client-given id that `table` already holds (`free` has the given ids it does
 * not: missingIds) or that an earlier item of the batch gives, so a batch never reaches the primary key's 500.
 */
export function addTakenIdErrors(errors: ItemErrors, items: readonly { id?: string | null }[], free: ReadonlySet<string>, noun: string): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (!item.id) return;
    if (!free.has(item.id)) errors.add(index, "id", `${noun} with the id "${item.id}" already exists.`);
    else if (seen.has(item.id)) errors.add(index, "id", `The id "${item.id}" appears twice in this batch.`);
    seen.add(item.id);
  });
}

/** The client-given ids of a batch, to check with missingIds. */
export const givenIds = (items: readonly { id?: string | null }[]): string[] => items.flatMap((item) => (item.id ? [item.id] : []));
