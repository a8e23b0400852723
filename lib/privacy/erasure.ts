import "server-only";
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isoNow } from "@/lib/time";
import { deleteRowSets } from "./delete-rows";
import { hmacSha256Hex } from "./query-hash";
import { loadSecretKey } from "./secret-key";

/**
 * Erasure (GDPR art. 17) of one session or of everything a subject did: the session rows and every row derived
 * from them, in one transaction, recorded in deletion_requests with the number of rows each table lost.
 *
 * Rows are deleted child-first and explicitly, rather than left to ON DELETE CASCADE, so the counts are exact and
 * the redaction_log rows that point at the erased rows can be found before their targets are gone. Query hashes
 * of erased queries are also taken out of query_clusters.representative_hashes unless a remaining query shares
 * them (an HMAC of the same text from someone else is not this subject's data).
 */

export type ErasureScope = "session" | "subject";

export type ErasureResult = {
  requestId: string;
  scope: ErasureScope;
  rowsDeleted: Record<string, number>;
  totalRows: number;
};

export class ErasureTargetNotFoundError extends Error {
  override name = "ErasureTargetNotFoundError";
}

type Tx = Prisma.TransactionClient;

/** The HMAC that stands for the erased id in deletion_requests: verifiable with the key, meaningless without. */
export function erasureTargetHash(scope: ErasureScope, id: string, key: Uint8Array = loadSecretKey()): string {
  return hmacSha256Hex(`erasure:${scope}:${id}`, key);
}

const ids = async (tx: Tx, sql: string, ...params: unknown[]) =>
  (await tx.$queryRawUnsafe<{ id: string }[]>(sql, ...params)).map((row) => row.id);

/** Ids of every row derived from `sessionIds`, per table, in child-first deletion order. */
async function derivedRowIds(tx: Tx, sessionIds: string[]): Promise<[table: string, ids: string[]][]> {
  const sessions = JSON.stringify(sessionIds);
  const queryIds = await ids(tx, "SELECT id FROM queries WHERE session_id IN (SELECT value FROM json_each(?))", sessions);
  const queries = JSON.stringify(queryIds);
  const bySession = (table: string) =>
    ids(tx, `SELECT id FROM ${table} WHERE session_id IN (SELECT value FROM json_each(?))`, sessions);
  const byQuery = (table: string) => ids(tx, `SELECT id FROM ${table} WHERE query_id IN (SELECT value FROM json_each(?))`, queries);
  return [
    ["model_predictions", await byQuery("model_predictions")],
    ["feature_vectors", await byQuery("feature_vectors")],
    ["feedback", await bySession("feedback")],
    ["tool_usage", await bySession("tool_usage")],
    ["reasoning_traces", await bySession("reasoning_traces")],
    ["queries", queryIds],
    ["sessions", sessionIds],
  ];
}

/** Takes the erased queries' hashes out of every cluster's representatives, unless a remaining query has them. */
async function scrubClusterReferences(tx: Tx, erasedHashes: string[]): Promise<number> {
  if (erasedHashes.length === 0) return 0;
  const orphaned = await tx.$queryRawUnsafe<{ hash: string }[]>(
    "SELECT DISTINCT value AS hash FROM json_each(?) WHERE value NOT IN (SELECT query_hash FROM queries)",
    JSON.stringify(erasedHashes),
  );
  if (orphaned.length === 0) return 0;
  const orphanedList = JSON.stringify(orphaned.map((row) => row.hash));
  return tx.$executeRawUnsafe(
    `UPDATE query_clusters
        SET representative_hashes = (
          SELECT json_group_array(r.value) FROM json_each(query_clusters.representative_hashes) AS r
           WHERE r.value NOT IN (SELECT value FROM json_each(?)))
      WHERE EXISTS (SELECT 1 FROM json_each(query_clusters.representative_hashes) AS r
                     WHERE r.value IN (SELECT value FROM json_each(?)))`,
    orphanedList,
    orphanedList,
  );
}

async function eraseInTransaction(tx: Tx, scope: ErasureScope, id: string, targetHash: string): Promise<ErasureResult> {
  const requestedAt = isoNow();
  const sessionIds =
    scope === "session"
      ? await ids(tx, "SELECT id FROM sessions WHERE id = ?", id)
      : await ids(tx, "SELECT id FROM sessions WHERE subject_id = ?", id);
  const consentCount =
    scope === "subject" ? (await tx.privacyConsent.count({ where: { subjectId: id } })) : 0;
  if (sessionIds.length === 0 && consentCount === 0) {
    throw new ErasureTargetNotFoundError(scope === "session" ? `No session ${id}.` : `No data held about subject ${id}.`);
  }

  const derived = await derivedRowIds(tx, sessionIds);
  const queryIds = derived.find(([table]) => table === "queries")![1];
  const erasedHashes = (
    await tx.$queryRawUnsafe<{ hash: string }[]>(
      "SELECT DISTINCT query_hash AS hash FROM queries WHERE id IN (SELECT value FROM json_each(?))",
      JSON.stringify(queryIds),
    )
  ).map((row) => row.hash);

  const rowsDeleted = await deleteRowSets(tx, derived);
  rowsDeleted.privacy_consent = scope === "subject" ? (await tx.privacyConsent.deleteMany({ where: { subjectId: id } })).count : 0;
  // Rows rewritten, not deleted: the cluster keeps its shape, only the erased hashes leave it.
  rowsDeleted.query_clusters = await scrubClusterReferences(tx, erasedHashes);

  const totalRows = Object.values(rowsDeleted).reduce((sum, count) => sum + count, 0);
  const requestId = randomUUID();
  await tx.deletionRequest.create({
    data: { id: requestId, requestedAt, completedAt: isoNow(), scope, targetHash, rowsDeleted: JSON.stringify(rowsDeleted), totalRows },
  });
  return { requestId, scope, rowsDeleted, totalRows };
}

/** Erases a session or a subject (by its subject_id hash) and everything derived from it; all or nothing. */
export async function erase(
  client: Pick<PrismaClient, "$transaction">,
  scope: ErasureScope,
  id: string,
  key: Uint8Array = loadSecretKey(),
): Promise<ErasureResult> {
  const targetHash = erasureTargetHash(scope, id, key);
  return client.$transaction((tx) => eraseInTransaction(tx, scope, id, targetHash), { timeout: 60_000 });
}
