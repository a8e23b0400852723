import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { refreshDailyAggregates } from "./refresh-aggregates";

const SUBJECT = "a".repeat(64);
const HASH = "b".repeat(64);

let temp: TempDatabase;
let seq = 0;

function addQuery(timestamp: string, latencyMs: number, error = 0): string {
  const session = `s${++seq}`;
  temp.sqlite.prepare("INSERT INTO sessions (id, subject_id, started_at) VALUES (?, ?, ?)").run(session, SUBJECT, timestamp);
  const id = `q${seq}`;
  temp.sqlite
    .prepare("INSERT INTO queries (id, session_id, timestamp, query_hash, query_length, latency_ms, error_occurred) VALUES (?, ?, ?, ?, 5, ?, ?)")
    .run(id, session, timestamp, HASH, latencyMs, error);
  return id;
}

const stored = (date: string) =>
  temp.sqlite.prepare("SELECT * FROM daily_aggregates WHERE date = ?").get(date) as Record<string, number | string | null> | undefined;

/**
 * Percentile by linear interpolation between closest ranks (Hyndman & Fan type 7, NumPy's default), written out
 * here from the definition rather than imported: h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
 */
function type7(values: number[], p: number): number {
  const x = [...values].sort((a, b) => a - b);
  const h = (x.length - 1) * p;
  const lo = Math.floor(h);
  return x[lo]! + (h - lo) * ((x[Math.min(lo + 1, x.length - 1)] ?? x[lo]!) - x[lo]!);
}

beforeEach(() => {
  temp = createTempDatabase();
});
afterEach(async () => {
  await temp.close();
});

describe("refreshDailyAggregates", () => {
  it("stores true percentiles: NumPy's reference values for [15, 20, 35, 40, 50] and an independent computation", () => {
    // numpy.percentile([15, 20, 35, 40, 50], [50, 95, 99]) = [35.0, 48.0, 49.6]
    for (const [i, latency] of [15, 20, 35, 40, 50].entries()) addQuery(`2026-03-01T0${i}:00:00.000Z`, latency);
    const latencies = Array.from({ length: 97 }, (_, i) => Math.round(1000 * Math.abs(Math.sin(i * 1.7))) + i);
    for (const [i, latency] of latencies.entries()) addQuery(`2026-03-02T${String(i % 24).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}:00.000Z`, latency);

    refreshDailyAggregates(temp.sqlite);

    expect(stored("2026-03-01")).toMatchObject({ p50_latency_ms: 35, p95_latency_ms: 48, query_count: 5 });
    expect(stored("2026-03-01")!.p99_latency_ms).toBeCloseTo(49.6, 10);
    const day2 = stored("2026-03-02")!;
    expect(day2.p50_latency_ms).toBeCloseTo(type7(latencies, 0.5), 10);
    expect(day2.p95_latency_ms).toBeCloseTo(type7(latencies, 0.95), 10);
    expect(day2.p99_latency_ms).toBeCloseTo(type7(latencies, 0.99), 10);
  });

  it("recomputes only the days whose raw rows changed", () => {
    addQuery("2026-03-01T10:00:00.000Z", 100);
    const edited = addQuery("2026-03-02T10:00:00.000Z", 200);
    addQuery("2026-03-03T10:00:00.000Z", 300);

    expect(refreshDailyAggregates(temp.sqlite, { computedAt: "2026-03-04T00:00:00.000Z" })).toEqual({
      recomputed: ["2026-03-01", "2026-03-02", "2026-03-03"],
      unchanged: 0,
    });
    expect(refreshDailyAggregates(temp.sqlite)).toEqual({ recomputed: [], unchanged: 3 });

    // An edit that leaves the row count alone still changes the day.
    temp.sqlite.prepare("UPDATE queries SET latency_ms = 900 WHERE id = ?").run(edited);
    addQuery("2026-03-03T11:00:00.000Z", 500);
    const result = refreshDailyAggregates(temp.sqlite, { computedAt: "2026-03-05T00:00:00.000Z" });
    expect(result).toEqual({ recomputed: ["2026-03-02", "2026-03-03"], unchanged: 1 });
    expect(stored("2026-03-02")).toMatchObject({ p50_latency_ms: 900, computed_at: "2026-03-05T00:00:00.000Z" });
    expect(stored("2026-03-03")).toMatchObject({ query_count: 2, p50_latency_ms: 400 });
    expect(stored("2026-03-01")!.computed_at).toBe("2026-03-04T00:00:00.000Z");
  });

  it("rewrites a day whose rows were all deleted with zero counts, once", () => {
    addQuery("2026-03-01T10:00:00.000Z", 100);
    refreshDailyAggregates(temp.sqlite);
    temp.sqlite.exec("DELETE FROM sessions");

    expect(refreshDailyAggregates(temp.sqlite).recomputed).toEqual(["2026-03-01"]);
    expect(stored("2026-03-01")).toMatchObject({ query_count: 0, session_count: 0, p50_latency_ms: null });
    expect(refreshDailyAggregates(temp.sqlite)).toEqual({ recomputed: [], unchanged: 1 });
  });

  it("recomputes aggregates that were written without a fingerprint (e.g. by the seeder) on the first run", () => {
    addQuery("2026-03-01T10:00:00.000Z", 100);
    temp.sqlite.prepare("INSERT INTO daily_aggregates (date, query_count) VALUES ('2026-03-01', 99)").run();
    expect(refreshDailyAggregates(temp.sqlite).recomputed).toEqual(["2026-03-01"]);
    expect(stored("2026-03-01")!.query_count).toBe(1);
  });
});
