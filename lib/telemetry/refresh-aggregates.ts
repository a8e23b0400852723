import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { isoNow } from "@/lib/time";
import { computeDailyAggregates } from "./daily-aggregates";

/**
 * Incremental daily aggregation: `npm run telemetry:aggregate` and the telemetry page's button recompute only the
 * UTC days whose raw rows changed since their aggregate was computed.
 *
 * A day's fingerprint is a SHA-256 over every raw row of that day, restricted to the columns daily_aggregates
 * reads (so an edit of a latency, a feedback type or a tool name changes it, and so does a deleted or added row).
 * The raw tables have no updated_at column, so a content hash is the only sound change detector; computing it
 * streams the rows once in index order, which is cheap next to writing aggregates, and keeps memory flat.
 */

/** The columns of each raw table that daily_aggregates depends on, and its timestamp column. */
const SOURCES = [
  { table: "sessions", time: "started_at", columns: "id, success_rate" },
  { table: "queries", time: "timestamp", columns: "id, latency_ms, error_occurred, query_type" },
  { table: "feedback", time: "timestamp", columns: "id, feedback_type" },
  { table: "tool_usage", time: "timestamp", columns: "id, tool_name" },
] as const;

/** The fingerprint of every day that has raw rows, by date. */
export function dayFingerprints(db: Database.Database): Map<string, string> {
  const hashes = new Map<string, ReturnType<typeof createHash>>();
  for (const { table, time, columns } of SOURCES) {
    const rows = db.prepare(`SELECT ${time} AS t, ${columns} FROM ${table} ORDER BY ${time}, id`).raw().iterate() as Iterable<unknown[]>;
    for (const row of rows) {
      const date = (row[0] as string).slice(0, 10);
      let hash = hashes.get(date);
      if (!hash) hashes.set(date, (hash = createHash("sha256")));
      hash.update(table).update(JSON.stringify(row)).update("\n");
    }
  }
  return new Map([...hashes].map(([date, hash]) => [date, hash.digest("hex")]));
}

export type RefreshResult = {
  /** Days recomputed (their data changed, appeared or disappeared), in date order. */
  recomputed: string[];
  /** Days whose stored aggregate was still current. */
  unchanged: number;
};

/**
 * Recomputes daily_aggregates for the days whose fingerprint differs from the stored one, including days whose
 * rows were all deleted (rewritten with zero counts), and stores the new fingerprints, in one transaction.
 */
export function refreshDailyAggregates(db: Database.Database, options: { computedAt?: string } = {}): RefreshResult {
  const computedAt = options.computedAt ?? isoNow();
  const run = db.transaction(() => {
    const current = dayFingerprints(db);
    const stored = new Map(
      (db.prepare("SELECT date, fingerprint FROM daily_aggregate_sources").all() as { date: string; fingerprint: string }[]).map(
        (row) => [row.date, row.fingerprint],
      ),
    );
    const aggregated = db.prepare("SELECT date FROM daily_aggregates").pluck().all() as string[];
    const candidates = new Set([...current.keys(), ...stored.keys(), ...aggregated]);
    const recomputed = [...candidates].filter((date) => current.get(date) !== stored.get(date) || !aggregated.includes(date)).sort();
    const gone = recomputed.filter((date) => !current.has(date));
    if (recomputed.length > 0) computeDailyAggregates(db, { dates: recomputed, computedAt });
    const save = db.prepare(
      `INSERT INTO daily_aggregate_sources (date, fingerprint, computed_at) VALUES (?, ?, ?)
       ON CONFLICT(date) DO UPDATE SET fingerprint = excluded.fingerprint, computed_at = excluded.computed_at`,
    );
    for (const date of recomputed) {
      if (current.has(date)) save.run(date, current.get(date), computedAt);
    }
    // A day with no rows left keeps a zero row in daily_aggregates (so charts show the gap) and loses its fingerprint.
    const forget = db.prepare("DELETE FROM daily_aggregate_sources WHERE date = ?");
    for (const date of gone) forget.run(date);
    return { recomputed, unchanged: candidates.size - recomputed.length };
  });
  return run.immediate();
}
