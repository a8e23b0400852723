import "server-only";
import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DAY_MS, toIsoTimestamp } from "@/lib/time";
import { deleteRowSets } from "./delete-rows";

/**
 * Retention: rows of personal telemetry are kept for a period per table (90 days unless configured), then
 * deleted by `npm run privacy:retention`. A row expires when its own timestamp is older than its table's period,
 * or when the row it belongs to (its session or query) expires, so no orphan outlives its parent.
 *
 * Not subject to retention: daily_aggregates and query_clusters (aggregates that name no one), deletion_requests
 * (the proof that an erasure happened, holding only a keyed hash) and privacy_budget_ledger (forgetting spent ε
 * would let the budget be spent twice). The current consent of each subject is kept whatever its age: it is what
 * allows the data to be held at all; superseded consent records expire like other rows.
 */

export const RETENTION_TABLES = [
  { table: "sessions", column: "started_at", what: "sessions (and everything in them)" },
  { table: "queries", column: "timestamp", what: "queries (and their feedback, tools, traces, vectors, predictions)" },
  { table: "feedback", column: "timestamp", what: "feedback" },
  { table: "tool_usage", column: "timestamp", what: "tool invocations" },
  { table: "reasoning_traces", column: "timestamp", what: "ThinkTool traces" },
  { table: "feature_vectors", column: "computed_at", what: "feature vectors" },
  { table: "model_predictions", column: "predicted_at", what: "model predictions" },
  { table: "redaction_log", column: "timestamp", what: "redaction log entries" },
  { table: "privacy_consent", column: "timestamp", what: "superseded consent records" },
] as const;

export type RetentionTable = (typeof RETENTION_TABLES)[number]["table"];

export const DEFAULT_RETENTION_DAYS = 90;

/** Days kept per table: RALL_RETENTION_DAYS sets all, RALL_RETENTION_DAYS_<TABLE> (upper case) one table. */
export function retentionPolicy(env: Readonly<Record<string, string | undefined>> = process.env): Record<RetentionTable, number> {
  const days = (value: string | undefined) => {
    const n = Number(value);
    return value !== undefined && Number.isInteger(n) && n >= 1 ? n : undefined;
  };
  const all = days(env.RALL_RETENTION_DAYS) ?? DEFAULT_RETENTION_DAYS;
  return Object.fromEntries(
    RETENTION_TABLES.map(({ table }) => [table, days(env[`RALL_RETENTION_DAYS_${table.toUpperCase()}`]) ?? all]),
  ) as Record<RetentionTable, number>;
}

export type RetentionPlanRow = { table: RetentionTable; what: string; days: number; cutoff: string; expiring: number };

type Reader = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

const idsOf = async (client: Reader, sql: string, ...params: unknown[]) =>
  (await client.$queryRawUnsafe<{ id: string }[]>(sql, ...params)).map((row) => row.id);

/** The expiring ids per table, children before parents (the order they can be deleted in). */
async function expiringRows(client: Reader, cutoffs: Record<RetentionTable, string>) {
  const sessions = await idsOf(client, "SELECT id FROM sessions WHERE started_at < ?", cutoffs.sessions);
  const s = JSON.stringify(sessions);
  const queries = await idsOf(
    client,
    "SELECT id FROM queries WHERE timestamp < ? OR session_id IN (SELECT value FROM json_each(?))",
    cutoffs.queries,
    s,
  );
  const q = JSON.stringify(queries);
  const sessionChild = (table: RetentionTable) =>
    idsOf(
      client,
      `SELECT id FROM ${table} WHERE timestamp < ? OR session_id IN (SELECT value FROM json_each(?))
          OR query_id IN (SELECT value FROM json_each(?))`,
      cutoffs[table],
      s,
      q,
    );
  const queryChild = (table: RetentionTable, column: string) =>
    idsOf(client, `SELECT id FROM ${table} WHERE ${column} < ? OR query_id IN (SELECT value FROM json_each(?))`, cutoffs[table], q);
  const consent = await idsOf(
    client,
    `SELECT id FROM privacy_consent AS c WHERE timestamp < ?
        AND EXISTS (SELECT 1 FROM privacy_consent AS later WHERE later.subject_id = c.subject_id
                     AND (later.timestamp > c.timestamp OR (later.timestamp = c.timestamp AND later.id > c.id)))`,
    cutoffs.privacy_consent,
  );
  const redactions = await idsOf(client, "SELECT id FROM redaction_log WHERE timestamp < ?", cutoffs.redaction_log);
  return [
    ["model_predictions", await queryChild("model_predictions", "predicted_at")],
    ["feature_vectors", await queryChild("feature_vectors", "computed_at")],
    ["feedback", await sessionChild("feedback")],
    ["tool_usage", await sessionChild("tool_usage")],
    ["reasoning_traces", await sessionChild("reasoning_traces")],
    ["queries", queries],
    ["sessions", sessions],
    ["privacy_consent", consent],
    ["redaction_log", redactions],
  ] as const;
}

function cutoffsFor(now: Date, policy: Record<RetentionTable, number>): Record<RetentionTable, string> {
  return Object.fromEntries(
    RETENTION_TABLES.map(({ table }) => [table, toIsoTimestamp(now.getTime() - policy[table] * DAY_MS)]),
  ) as Record<RetentionTable, string>;
}

/** What applying the policy now would delete, per table, without deleting anything. */
export async function planRetention(
  client: Reader,
  options: { now?: Date; policy?: Record<RetentionTable, number> } = {},
): Promise<RetentionPlanRow[]> {
  const policy = options.policy ?? retentionPolicy();
  const cutoffs = cutoffsFor(options.now ?? new Date(), policy);
  const sets = new Map<string, readonly string[]>(await expiringRows(client, cutoffs));
  return RETENTION_TABLES.map(({ table, what }) => ({
    table,
    what,
    days: policy[table],
    cutoff: cutoffs[table],
    expiring: sets.get(table)!.length,
  }));
}

/** Deletes every expired row (and the redaction_log rows pointing at them) in one transaction; counts per table. */
export async function applyRetention(
  client: Pick<PrismaClient, "$transaction">,
  options: { now?: Date; policy?: Record<RetentionTable, number> } = {},
): Promise<Record<string, number>> {
  const policy = options.policy ?? retentionPolicy();
  const cutoffs = cutoffsFor(options.now ?? new Date(), policy);
  return client.$transaction(async (tx) => deleteRowSets(tx, await expiringRows(tx, cutoffs)), { timeout: 120_000 });
}
