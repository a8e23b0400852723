import "server-only";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/db/client";

/** What the telemetry page shows: daily_aggregates and the v1 views, read through Prisma, as plain objects. */

export type TelemetryDay = {
  date: string;
  queries: number;
  sessions: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  errorRate: number | null;
  positiveFeedbackRatio: number | null;
};

export type Distribution = { key: string; count: number }[];

export type TelemetryOverview = {
  days: TelemetryDay[];
  lastComputedAt: string | null;
  queryTypes: Distribution;
  tools: Distribution;
};

type Client = Pick<PrismaClient, "dailyAggregate" | "toolPerformance" | "thinktoolStats" | "recentSession">;

function sumDistributions(documents: string[]): Distribution {
  const totals = new Map<string, number>();
  for (const document of documents) {
    for (const [key, count] of Object.entries(JSON.parse(document) as Record<string, number>)) {
      totals.set(key, (totals.get(key) ?? 0) + count);
    }
  }
  return [...totals].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** The latest `days` computed days, oldest first, with the query-type and tool mix summed over them. */
export async function telemetryOverview(days = 30, client: Client = db): Promise<TelemetryOverview> {
  const rows = (await client.dailyAggregate.findMany({ orderBy: { date: "desc" }, take: days })).reverse();
  return {
    days: rows.map((row) => ({
      date: row.date,
      queries: row.queryCount,
      sessions: row.sessionCount,
      p50: row.p50LatencyMs,
      p95: row.p95LatencyMs,
      p99: row.p99LatencyMs,
      errorRate: row.errorRate,
      positiveFeedbackRatio: row.positiveFeedbackRatio,
    })),
    lastComputedAt: rows.reduce<string | null>((latest, row) => (latest === null || row.computedAt > latest ? row.computedAt : latest), null),
    queryTypes: sumDistributions(rows.map((row) => row.queryTypeDistribution)),
    tools: sumDistributions(rows.map((row) => row.toolDistribution)),
  };
}

export function toolPerformance(client: Client = db) {
  return client.toolPerformance.findMany({ orderBy: [{ invocations: "desc" }, { toolName: "asc" }] });
}

export function thinktoolStats(client: Client = db) {
  return client.thinktoolStats.findMany({ orderBy: [{ uses: "desc" }, { thinktoolName: "asc" }] });
}

export function recentSessions(limit = 15, client: Client = db) {
  return client.recentSession.findMany({ orderBy: { startedAt: "desc" }, take: limit });
}
