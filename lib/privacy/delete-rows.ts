import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Rows to delete: table name and ids, listed children before parents. */
export type RowSets = readonly (readonly [table: string, ids: readonly string[]])[];

/**
 * Deletes the listed rows in order, and every redaction_log row that points at one of them (a log of what was
 * redacted in a row that no longer exists would be a dangling reference to it). Returns rows deleted per table,
 * redaction_log included. Table names come from code, never from input.
 */
export async function deleteRowSets(tx: Prisma.TransactionClient, sets: RowSets): Promise<Record<string, number>> {
  const rowsDeleted: Record<string, number> = {};
  let redactions = 0;
  for (const [table, ids] of sets) {
    rowsDeleted[table] = 0;
    if (ids.length === 0) continue;
    const list = JSON.stringify(ids);
    redactions += await tx.$executeRawUnsafe(
      "DELETE FROM redaction_log WHERE source_table = ? AND source_id IN (SELECT value FROM json_each(?))",
      table,
      list,
    );
    rowsDeleted[table] = await tx.$executeRawUnsafe(`DELETE FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`, list);
  }
  rowsDeleted.redaction_log = (rowsDeleted.redaction_log ?? 0) + redactions;
  return rowsDeleted;
}
