import "server-only";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/db/client";
import { toNumber } from "@/lib/db/rows";
import { isoDaysAgo } from "@/lib/time";

type Queryable = Pick<PrismaClient, "$queryRaw" | "$queryRawUnsafe">;

/** Current consent per subject (its latest privacy_consent row), summed by level and by consent version. */
export type ConsentSummary = {
  subjects: number;
  records: number;
  localTelemetry: number;
  aggregatedSharing: number;
  communityContribution: number;
  byVersion: { version: string; subjects: number; localTelemetry: number }[];
  recent: { timestamp: string; subject: string; localTelemetry: boolean; aggregatedSharing: boolean; communityContribution: boolean; version: string }[];
};

const LATEST = `
  SELECT * FROM privacy_consent AS c
   WHERE NOT EXISTS (SELECT 1 FROM privacy_consent AS later WHERE later.subject_id = c.subject_id
                      AND (later.timestamp > c.timestamp OR (later.timestamp = c.timestamp AND later.id > c.id)))`;

export async function consentSummary(client: Queryable = db): Promise<ConsentSummary> {
  const [totals] = await client.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT COUNT(*) AS subjects, COALESCE(SUM(local_telemetry), 0) AS local, COALESCE(SUM(aggregated_sharing), 0) AS shared,
            COALESCE(SUM(community_contribution), 0) AS community, (SELECT COUNT(*) FROM privacy_consent) AS records
       FROM (${LATEST})`,
  );
  const byVersion = await client.$queryRawUnsafe<{ version: string; subjects: unknown; local: unknown }[]>(
    `SELECT consent_version AS version, COUNT(*) AS subjects, COALESCE(SUM(local_telemetry), 0) AS local
       FROM (${LATEST}) GROUP BY consent_version ORDER BY consent_version DESC`,
  );
  const recent = await client.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT timestamp, subject_id, local_telemetry, aggregated_sharing, community_contribution, consent_version
       FROM privacy_consent ORDER BY timestamp DESC, id DESC LIMIT 10`,
  );
  return {
    subjects: toNumber(totals!.subjects),
    records: toNumber(totals!.records),
    localTelemetry: toNumber(totals!.local),
    aggregatedSharing: toNumber(totals!.shared),
    communityContribution: toNumber(totals!.community),
    byVersion: byVersion.map((row) => ({ version: row.version, subjects: toNumber(row.subjects), localTelemetry: toNumber(row.local) })),
    recent: recent.map((row) => ({
      timestamp: row.timestamp as string,
      // The subject id is already a keyed hash; a prefix is enough to tell rows apart on screen.
      subject: (row.subject_id as string).slice(0, 8),
      localTelemetry: toNumber(row.local_telemetry) === 1,
      aggregatedSharing: toNumber(row.aggregated_sharing) === 1,
      communityContribution: toNumber(row.community_contribution) === 1,
      version: row.consent_version as string,
    })),
  };
}

export type RedactionSummary = {
  total: number;
  /** Per pattern: all time, and in each of the last four 7-day windows (oldest first). */
  byPattern: { pattern: string; type: string; total: number; weeks: number[] }[];
  recent: { id: string; timestamp: string; sourceTable: string; type: string; pattern: string }[];
};

export async function redactionSummary(options: { pattern?: string; now?: Date } = {}, client: Queryable = db): Promise<RedactionSummary> {
  const now = options.now ?? new Date();
  const edges = [28, 21, 14, 7, 0].map((days) => isoDaysAgo(days, now));
  const [e0, e1, e2, e3, e4] = edges;
  const rows = await client.$queryRaw<Record<string, unknown>[]>`
    SELECT COALESCE(pattern_matched, '(unnamed)') AS pattern, redaction_type AS type, COUNT(*) AS total,
           COUNT(CASE WHEN timestamp >= ${e0} AND timestamp < ${e1} THEN 1 END) AS w1,
           COUNT(CASE WHEN timestamp >= ${e1} AND timestamp < ${e2} THEN 1 END) AS w2,
           COUNT(CASE WHEN timestamp >= ${e2} AND timestamp < ${e3} THEN 1 END) AS w3,
           COUNT(CASE WHEN timestamp >= ${e3} AND timestamp < ${e4} THEN 1 END) AS w4
      FROM redaction_log GROUP BY pattern, type ORDER BY total DESC, pattern`;
  const recent = await client.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT id, timestamp, source_table, redaction_type, COALESCE(pattern_matched, '(unnamed)') AS pattern FROM redaction_log
      WHERE ? IS NULL OR pattern_matched = ? ORDER BY timestamp DESC, id LIMIT 25`,
    options.pattern ?? null,
    options.pattern ?? null,
  );
  const byPattern = rows.map((row) => ({
    pattern: row.pattern as string,
    type: row.type as string,
    total: toNumber(row.total),
    weeks: [row.w1, row.w2, row.w3, row.w4].map(toNumber),
  }));
  return {
    total: byPattern.reduce((sum, row) => sum + row.total, 0),
    byPattern,
    recent: recent.map((row) => ({
      id: row.id as string,
      timestamp: row.timestamp as string,
      sourceTable: row.source_table as string,
      type: row.redaction_type as string,
      pattern: row.pattern as string,
    })),
  };
}

export async function deletionRequests(limit = 10, client: Queryable = db) {
  const rows = await client.$queryRawUnsafe<Record<string, unknown>[]>(
    "SELECT id, requested_at, scope, target_hash, rows_deleted, total_rows FROM deletion_requests ORDER BY requested_at DESC LIMIT ?",
    limit,
  );
  return rows.map((row) => ({
    id: row.id as string,
    requestedAt: row.requested_at as string,
    scope: row.scope as string,
    targetHash: (row.target_hash as string).slice(0, 12),
    rowsDeleted: JSON.parse(row.rows_deleted as string) as Record<string, number>,
    totalRows: toNumber(row.total_rows),
  }));
}
