import "server-only";
import { randomUUID } from "node:crypto";
import { ItemErrors, type BatchRefusal } from "@/lib/api/batch";
import { addTakenIdErrors, givenIds, missingIdsIn } from "@/lib/api/missing-ids";
import type { Prisma } from "@/lib/generated/prisma/client";
import { redactionLogRows, type RedactionLogRow } from "@/lib/privacy/redaction-log";
import { scrubJsonStrings } from "@/lib/privacy/scrub-json";
import { scrubPii } from "@/lib/privacy/scrub-pii";
import { isoNow } from "@/lib/time";
import { embeddingDoubles } from "./embedding-doubles";
import type { LogFeatureVectorInput } from "./log-feature-vectors-schema";

export const FEATURE_VECTORS_TABLE = "feature_vectors";

export type LogFeatureVectorsResult = { ok: true; written: number; ids: string[]; redacted: string[] } | BatchRefusal;

const scrubOptional = (value: string | null | undefined) => (value === null || value === undefined ? null : scrubPii(value));

/**
 * Writes a validated batch of feature vectors in the caller's transaction: unknown queries and taken ids refuse
 * the whole batch (checked in bulk), the model and version names and every string inside the features are
 * scrubbed for personal data (logged), and the rows go in with one createMany, their embeddings' float64 copies
 * (embedding-doubles.ts) with another.
 */
export async function logFeatureVectors(tx: Prisma.TransactionClient, items: readonly LogFeatureVectorInput[], now: string = isoNow()): Promise<LogFeatureVectorsResult> {
  const errors = new ItemErrors();
  const unknownQueries = await missingIdsIn(tx, "queries", items.map((item) => item.queryId));
  items.forEach((item, index) => {
    if (unknownQueries.has(item.queryId)) errors.add(index, "queryId", `There is no query with the id "${item.queryId}".`);
  });
  addTakenIdErrors(errors, items, await missingIdsIn(tx, FEATURE_VECTORS_TABLE, givenIds(items)), "A feature vector");
  const refusal = errors.refusal(400, "refused");
  if (refusal) return refusal;

  const logRows: RedactionLogRow[] = [];
  const rows = items.map((item) => {
    const id = item.id ?? randomUUID();
    const model = scrubOptional(item.embeddingModel);
    const version = scrubOptional(item.featureVersion);
    const features = item.features ? scrubJsonStrings(item.features) : null;
    const findings = [...(model?.findings ?? []), ...(version?.findings ?? []), ...(features?.findings ?? [])];
    if (findings.length > 0) logRows.push(...redactionLogRows({ sourceTable: FEATURE_VECTORS_TABLE, sourceId: id, findings }, now));
    return {
      id,
      queryId: item.queryId,
      computedAt: item.computedAt ?? now,
      embedding: JSON.stringify(item.embedding),
      embeddingDim: item.embedding.length,
      embeddingModel: model?.text ?? null,
      features: features ? JSON.stringify(features.value) : null,
      featureVersion: version?.text ?? null,
    };
  });
  await tx.featureVector.createMany({ data: rows });
  await tx.embeddingDoubles.createMany({ data: rows.map((row) => ({ featureVectorId: row.id, doubles: embeddingDoubles(row.embedding) })) });
  if (logRows.length > 0) await tx.redactionLog.createMany({ data: logRows });
  return { ok: true, written: rows.length, ids: rows.map((row) => row.id), redacted: [...new Set(logRows.map((row) => row.patternMatched))] };
}
