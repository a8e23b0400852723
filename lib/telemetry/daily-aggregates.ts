import type Database from "better-sqlite3";
import { DAY_MS, isoNow } from "@/lib/time";
import { percentileOfSorted } from "./percentile";

/**
 * Computes daily_aggregates from the raw telemetry tables. Nothing here is invented: every column is a count,
 * mean or order statistic of the rows whose timestamp falls in that UTC day, [D 00:00:00.000Z, D+1 00:00:00.000Z).
 *
 *   session_count            sessions whose started_at falls in the day
 *   avg_success_rate         mean success_rate of those sessions (NULL when none has one)
 *   query_count              queries whose timestamp falls in the day
 *   avg_latency_ms           mean latency_ms of those queries
 *   p50/p95/p99_latency_ms   true percentiles of those latencies, linear interpolation between closest ranks
 *                            (NumPy's default; lib/telemetry/percentile.ts), NULL when there are no queries
 *   error_rate               share of those queries with error_occurred = 1
 *   query_type_distribution  {"code": n, ...}: query counts per query_type ("unknown" for NULL), keys sorted
 *   feedback_count           feedback rows whose timestamp falls in the day (every type)
 *   positive_feedback_ratio  thumbs_up / (thumbs_up + thumbs_down); NULL when the day has no thumbs feedback
 *   tool_invocations         tool_usage rows whose timestamp falls in the day
 *   tool_distribution        {"web_search": n, ...}: invocations per tool_name, keys sorted
 *
 * Memory stays bounded whatever the table sizes: each day is read on its own through the timestamp indexes, and
 * only that day's latencies are held (to sort them).
 */

export type DailyAggregate = {
  date: string;
  computedAt: string;
  sessionCount: number;
  queryCount: number;
  feedbackCount: number;
  toolInvocations: number;
  avgLatencyMs: number | null;
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  p99LatencyMs: number | null;
  avgSuccessRate: number | null;
  positiveFeedbackRatio: number | null;
  errorRate: number | null;
  toolDistribution: Record<string, number>;
  queryTypeDistribution: Record<string, number>;
};

export type ComputeDailyAggregatesOptions = {
  /**
   * UTC dates ('YYYY-MM-DD') to compute. Each is written even when it has no rows (zero counts, NULL statistics),
   * which also corrects a stale row after data was pruned. Omitted: every day from the earliest to the latest
   * timestamp in the raw tables that has at least one row.
   */
  dates?: readonly string[];
  /** The computed_at written on every row; defaults to now (the seeder passes its anchor, for reproducibility). */
  computedAt?: string;
};

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

type DayBounds = { date: string; start: string; end: string };

function dayBounds(date: string): DayBounds {
  const start = new Date(`${date}T00:00:00.000Z`);
  if (!DATE_PATTERN.test(date) || Number.isNaN(start.getTime()) || start.toISOString().slice(0, 10) !== date) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  }
  return { date, start: start.toISOString(), end: new Date(start.getTime() + DAY_MS).toISOString() };
}

/** The first and last timestamps over the four raw tables, read from their indexes. */
function dataRange(db: Database.Database): { first: string; last: string } | null {
  const row = db
    .prepare(
      `SELECT MIN(first) AS first, MAX(last) AS last FROM (
         SELECT MIN(started_at) AS first, MAX(started_at) AS last FROM sessions
         UNION ALL SELECT MIN(timestamp), MAX(timestamp) FROM queries
         UNION ALL SELECT MIN(timestamp), MAX(timestamp) FROM feedback
         UNION ALL SELECT MIN(timestamp), MAX(timestamp) FROM tool_usage)`,
    )
    .get() as { first: string | null; last: string | null };
  return row.first && row.last ? { first: row.first, last: row.last } : null;
}

function datesBetween(first: string, last: string): string[] {
  const dates: string[] = [];
  const end = new Date(`${last.slice(0, 10)}T00:00:00.000Z`).getTime();
  for (let t = new Date(`${first.slice(0, 10)}T00:00:00.000Z`).getTime(); t <= end; t += DAY_MS) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

function countsObject(rows: { key: string; n: number }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) out[row.key] = row.n;
  return out;
}

function prepareDayStatements(db: Database.Database) {
  return {
    sessions: db.prepare(
      `SELECT COUNT(*) AS n, AVG(success_rate) AS avg_success FROM sessions WHERE started_at >= ? AND started_at < ?`,
    ),
    queries: db.prepare(
      `SELECT COUNT(*) AS n, AVG(latency_ms) AS avg_latency, AVG(error_occurred) AS error_rate
       FROM queries WHERE timestamp >= ? AND timestamp < ?`,
    ),
    latencies: db.prepare(`SELECT latency_ms FROM queries WHERE timestamp >= ? AND timestamp < ? ORDER BY latency_ms`).pluck(),
    queryTypes: db.prepare(
      `SELECT COALESCE(query_type, 'unknown') AS key, COUNT(*) AS n FROM queries
       WHERE timestamp >= ? AND timestamp < ? GROUP BY key`,
    ),
    feedback: db.prepare(
      `SELECT COUNT(*) AS n,
              COALESCE(SUM(feedback_type = 'thumbs_up'), 0) AS up,
              COALESCE(SUM(feedback_type = 'thumbs_down'), 0) AS down
       FROM feedback WHERE timestamp >= ? AND timestamp < ?`,
    ),
    tools: db.prepare(
      `SELECT tool_name AS key, COUNT(*) AS n FROM tool_usage WHERE timestamp >= ? AND timestamp < ? GROUP BY tool_name`,
    ),
    upsert: db.prepare(
      `INSERT INTO daily_aggregates (date, computed_at, session_count, query_count, feedback_count, tool_invocations,
         avg_latency_ms, p50_latency_ms, p95_latency_ms, p99_latency_ms, avg_success_rate, positive_feedback_ratio,
         error_rate, tool_distribution, query_type_distribution)
       VALUES (@date, @computedAt, @sessionCount, @queryCount, @feedbackCount, @toolInvocations, @avgLatencyMs,
         @p50LatencyMs, @p95LatencyMs, @p99LatencyMs, @avgSuccessRate, @positiveFeedbackRatio, @errorRate,
         @toolDistribution, @queryTypeDistribution)
       ON CONFLICT(date) DO UPDATE SET
         computed_at = excluded.computed_at, session_count = excluded.session_count,
         query_count = excluded.query_count, feedback_count = excluded.feedback_count,
         tool_invocations = excluded.tool_invocations, avg_latency_ms = excluded.avg_latency_ms,
         p50_latency_ms = excluded.p50_latency_ms, p95_latency_ms = excluded.p95_latency_ms,
         p99_latency_ms = excluded.p99_latency_ms, avg_success_rate = excluded.avg_success_rate,
         positive_feedback_ratio = excluded.positive_feedback_ratio, error_rate = excluded.error_rate,
         tool_distribution = excluded.tool_distribution, query_type_distribution = excluded.query_type_distribution`,
    ),
  };
}

type DayStatements = ReturnType<typeof prepareDayStatements>;

function aggregateDay(statements: DayStatements, { date, start, end }: DayBounds, computedAt: string): DailyAggregate {
  const sessions = statements.sessions.get(start, end) as { n: number; avg_success: number | null };
  const queries = statements.queries.get(start, end) as { n: number; avg_latency: number | null; error_rate: number | null };
  const latencies = statements.latencies.all(start, end) as number[];
  const feedback = statements.feedback.get(start, end) as { n: number; up: number; down: number };
  const tools = statements.tools.all(start, end) as { key: string; n: number }[];
  const thumbs = feedback.up + feedback.down;
  return {
    date,
    computedAt,
    sessionCount: sessions.n,
    queryCount: queries.n,
    feedbackCount: feedback.n,
    toolInvocations: tools.reduce((sum, row) => sum + row.n, 0),
    avgLatencyMs: queries.avg_latency,
    p50LatencyMs: percentileOfSorted(latencies, 0.5),
    p95LatencyMs: percentileOfSorted(latencies, 0.95),
    p99LatencyMs: percentileOfSorted(latencies, 0.99),
    avgSuccessRate: sessions.avg_success,
    positiveFeedbackRatio: thumbs > 0 ? feedback.up / thumbs : null,
    errorRate: queries.error_rate,
    toolDistribution: countsObject(tools),
    queryTypeDistribution: countsObject(statements.queryTypes.all(start, end) as { key: string; n: number }[]),
  };
}

function isEmptyDay(day: DailyAggregate): boolean {
  return day.sessionCount === 0 && day.queryCount === 0 && day.feedbackCount === 0 && day.toolInvocations === 0;
}

/**
 * Computes and upserts the daily aggregates in one transaction, and returns the rows written (by date).
 */
export function computeDailyAggregates(
  db: Database.Database,
  options: ComputeDailyAggregatesOptions = {},
): DailyAggregate[] {
  const computedAt = options.computedAt ?? isoNow();
  const statements = prepareDayStatements(db);
  const run = db.transaction(() => {
    const explicit = options.dates !== undefined;
    let dates: string[];
    if (options.dates) {
      dates = [...new Set(options.dates)].sort();
    } else {
      const range = dataRange(db);
      dates = range ? datesBetween(range.first, range.last) : [];
    }
    const written: DailyAggregate[] = [];
    for (const date of dates) {
      const day = aggregateDay(statements, dayBounds(date), computedAt);
      if (!explicit && isEmptyDay(day)) continue;
      statements.upsert.run({
        ...day,
        toolDistribution: JSON.stringify(day.toolDistribution),
        queryTypeDistribution: JSON.stringify(day.queryTypeDistribution),
      });
      written.push(day);
    }
    return written;
  });
  return run.immediate();
}
