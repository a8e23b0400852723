import "server-only";
import type { PrismaClient } from "@/lib/db/client";
import { toNumber } from "@/lib/db/rows";
import { isoNow, toIsoTimestamp, DAY_MS } from "@/lib/time";
import { cryptoUniform, noisyClampedMean, noisyCount, type UniformSource } from "./laplace";
import { budgetTotal, SHARED_AGGREGATES_BUDGET, spendPrivacyBudget } from "./privacy-budget";

/**
 * "Share aggregates": daily figures for people outside the team, with Laplace noise. One release spends its ε once
 * from the shared-aggregates budget. Each day's rows are disjoint from every other day's, so by parallel
 * composition the days cost ε together, not ε per day; within a day ε is split evenly between the three figures
 * (sequential composition). Privacy unit: one raw row (a session or a query).
 */

/** Latencies are clamped to this range before their mean is taken: the mean's sensitivity depends on it. */
export const LATENCY_CLAMP_MS = { lower: 0, upper: 10_000 } as const;

export type SharedDay = { date: string; sessions: number; queries: number; meanLatencyMs: number | null };

export type SharedAggregatesRelease = {
  releaseId: string;
  releasedAt: string;
  epsilon: number;
  mechanism: "laplace";
  privacyUnit: "one raw row (session or query)";
  latencyClampMs: typeof LATENCY_CLAMP_MS;
  budgetRemaining: number;
  days: SharedDay[];
};

type Client = Pick<PrismaClient, "$executeRawUnsafe" | "$queryRawUnsafe">;

async function rawDays(client: Client, from: string, to: string) {
  const sessions = await client.$queryRawUnsafe<{ date: string; n: unknown }[]>(
    "SELECT substr(started_at, 1, 10) AS date, COUNT(*) AS n FROM sessions WHERE started_at >= ? AND started_at < ? GROUP BY date",
    from,
    to,
  );
  const latencies = await client.$queryRawUnsafe<{ date: string; latency: unknown }[]>(
    "SELECT substr(timestamp, 1, 10) AS date, latency_ms AS latency FROM queries WHERE timestamp >= ? AND timestamp < ?",
    from,
    to,
  );
  const days = new Map<string, { sessions: number; latencies: number[] }>();
  const day = (date: string) => days.get(date) ?? days.set(date, { sessions: 0, latencies: [] }).get(date)!;
  for (const row of sessions) day(row.date).sessions = toNumber(row.n);
  for (const row of latencies) day(row.date).latencies.push(toNumber(row.latency));
  return days;
}

/** Every UTC date from `from` up to (not including) `to`: days without rows are released too, with noise. */
function datesOf(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(from); t < Date.parse(to); t += DAY_MS) dates.push(toIsoTimestamp(t).slice(0, 10));
  return dates;
}

export async function releaseSharedAggregates(
  client: Client,
  request: { epsilon: number; days: number; now?: Date; total?: number },
  uniform: UniformSource = cryptoUniform,
): Promise<SharedAggregatesRelease> {
  const now = request.now ?? new Date();
  const to = toIsoTimestamp(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY_MS);
  const from = toIsoTimestamp(Date.parse(to) - request.days * DAY_MS);
  // The budget is spent before any noisy figure exists, so a refused release reveals nothing.
  const spent = await spendPrivacyBudget(client, {
    budget: SHARED_AGGREGATES_BUDGET,
    epsilon: request.epsilon,
    description: `daily sessions, queries and mean latency, ${from.slice(0, 10)} to ${to.slice(0, 10)} (exclusive)`,
    total: request.total ?? budgetTotal(),
  });
  const raw = await rawDays(client, from, to);
  const share = request.epsilon / 3;
  const days = datesOf(from, to).map((date) => {
    const day = raw.get(date) ?? { sessions: 0, latencies: [] };
    return {
      date,
      sessions: Math.max(0, Math.round(noisyCount(day.sessions, share, uniform))),
      queries: Math.max(0, Math.round(noisyCount(day.latencies.length, share, uniform))),
      meanLatencyMs: noisyClampedMean(day.latencies, LATENCY_CLAMP_MS, share, uniform),
    };
  });
  return {
    releaseId: spent.id,
    releasedAt: isoNow(),
    epsilon: request.epsilon,
    mechanism: "laplace",
    privacyUnit: "one raw row (session or query)",
    latencyClampMs: LATENCY_CLAMP_MS,
    budgetRemaining: spent.remaining,
    days,
  };
}
