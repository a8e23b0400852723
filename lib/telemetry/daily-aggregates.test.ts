import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { computeDailyAggregates } from "./daily-aggregates";

const SUBJECT = "a".repeat(64);

let temp: TempDatabase;

/**
 * A hand-built two-day dataset. The expected aggregates are worked out in the comments of each test.
 *
 * 2026-01-05: sessions s1 (10:00, success_rate 1.0) and s2 (23:30, success_rate 0.5).
 *   queries: latencies 100 (search), 200 (search), 300 (code), 400 (code, error), 1000 (reason, at 23:59:59.999)
 *   feedback: thumbs_up ×2, thumbs_down ×1, explicit (rating 4) ×1
 *   tool_usage: web_search ×2, file_read ×1
 * 2026-01-06: session s3 (01:00, success_rate 1.0); one query at exactly 00:00:00.000 with latency 50 (general),
 *   no feedback, no tools. (s2's query at 00:00:00.000 belongs to the 6th even though s2 started on the 5th.)
 * 2026-01-07: nothing.
 */
beforeAll(() => {
  temp = createTempDatabase();
  const db = temp.sqlite;
  const session = db.prepare(
    `INSERT INTO sessions (id, subject_id, started_at, success_rate) VALUES (?, '${SUBJECT}', ?, ?)`,
  );
  session.run("s1", "2026-01-05T10:00:00.000Z", 1.0);
  session.run("s2", "2026-01-05T23:30:00.000Z", 0.5);
  session.run("s3", "2026-01-06T01:00:00.000Z", 1.0);

  const query = db.prepare(
    `INSERT INTO queries (id, session_id, timestamp, query_hash, query_length, query_type, latency_ms, error_occurred)
     VALUES (?, ?, ?, '${"b".repeat(64)}', 10, ?, ?, ?)`,
  );
  query.run("q1", "s1", "2026-01-05T10:00:01.000Z", "search", 100, 0);
  query.run("q2", "s1", "2026-01-05T10:01:00.000Z", "search", 200, 0);
  query.run("q3", "s1", "2026-01-05T10:02:00.000Z", "code", 300, 0);
  query.run("q4", "s2", "2026-01-05T23:31:00.000Z", "code", 400, 1);
  query.run("q5", "s2", "2026-01-05T23:59:59.999Z", "reason", 1000, 0);
  query.run("q6", "s2", "2026-01-06T00:00:00.000Z", "general", 50, 0);

  const feedback = db.prepare(
    `INSERT INTO feedback (id, session_id, query_id, timestamp, feedback_type, rating) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  feedback.run("f1", "s1", "q1", "2026-01-05T10:00:05.000Z", "thumbs_up", null);
  feedback.run("f2", "s1", "q2", "2026-01-05T10:01:05.000Z", "thumbs_up", null);
  feedback.run("f3", "s1", "q3", "2026-01-05T10:02:05.000Z", "thumbs_down", null);
  feedback.run("f4", "s2", "q4", "2026-01-05T23:32:00.000Z", "explicit", 4);

  const tool = db.prepare(
    `INSERT INTO tool_usage (id, session_id, query_id, timestamp, tool_name, tool_category, execution_ms, success)
     VALUES (?, ?, ?, ?, ?, ?, 10, 1)`,
  );
  tool.run("t1", "s1", "q1", "2026-01-05T10:00:01.500Z", "web_search", "search");
  tool.run("t2", "s1", "q2", "2026-01-05T10:01:00.500Z", "web_search", "search");
  tool.run("t3", "s1", "q3", "2026-01-05T10:02:00.500Z", "file_read", "file");
});

afterAll(async () => {
  await temp.close();
});

function storedRow(date: string) {
  return temp.sqlite.prepare("SELECT * FROM daily_aggregates WHERE date = ?").get(date) as Record<string, unknown> | undefined;
}

describe("computeDailyAggregates", () => {
  it("computes a day's counts, mean, true percentiles and ratios from the raw rows", () => {
    const written = computeDailyAggregates(temp.sqlite, { computedAt: "2026-01-08T00:00:00.000Z" });
    // Days with data: the 5th and the 6th (the range ends at the last timestamp, so no 7th).
    expect(written.map((d) => d.date)).toEqual(["2026-01-05", "2026-01-06"]);

    const row = storedRow("2026-01-05");
    expect(row).toMatchObject({
      computed_at: "2026-01-08T00:00:00.000Z",
      session_count: 2, // s1, s2
      query_count: 5, // q1..q5 (q5 at 23:59:59.999 is still the 5th)
      feedback_count: 4, // every type counts
      tool_invocations: 3,
      avg_latency_ms: 400, // (100 + 200 + 300 + 400 + 1000) / 5
      p50_latency_ms: 300, // h = 4·0.5 = 2 → x[2]
      avg_success_rate: 0.75, // (1.0 + 0.5) / 2
      error_rate: 0.2, // 1 error in 5
      tool_distribution: '{"file_read":1,"web_search":2}',
      query_type_distribution: '{"code":2,"reason":1,"search":2}',
    });
    // p95: h = 3.8 → 400 + 0.8·600 = 880; p99: h = 3.96 → 400 + 0.96·600 = 976 (the mean, 400, would be v1's bug).
    expect(row!.p95_latency_ms).toBeCloseTo(880, 9);
    expect(row!.p99_latency_ms).toBeCloseTo(976, 9);
    // thumbs_up / (thumbs_up + thumbs_down) = 2 / 3; the explicit rating is not thumbs feedback.
    expect(row!.positive_feedback_ratio).toBeCloseTo(2 / 3, 12);
  });

  it("puts a row at exactly midnight in the new day and leaves the ratio NULL without thumbs feedback", () => {
    const row = storedRow("2026-01-06");
    expect(row).toMatchObject({
      session_count: 1, // s3 only: s2 started on the 5th
      query_count: 1, // q6 at 00:00:00.000
      feedback_count: 0,
      tool_invocations: 0,
      avg_latency_ms: 50,
      p50_latency_ms: 50,
      p95_latency_ms: 50,
      p99_latency_ms: 50,
      avg_success_rate: 1,
      positive_feedback_ratio: null,
      error_rate: 0,
      tool_distribution: "{}",
      query_type_distribution: '{"general":1}',
    });
  });

  it("recomputes in place (one row per date) and writes an explicitly requested empty day with zero counts", () => {
    temp.sqlite
      .prepare(
        `INSERT INTO queries (id, session_id, timestamp, query_hash, query_length, query_type, latency_ms)
         VALUES ('q7', 's3', '2026-01-06T02:00:00.000Z', '${"c".repeat(64)}', 5, 'general', 150)`,
      )
      .run();
    const written = computeDailyAggregates(temp.sqlite, {
      dates: ["2026-01-07", "2026-01-06"],
      computedAt: "2026-01-09T00:00:00.000Z",
    });
    expect(written.map((d) => d.date)).toEqual(["2026-01-06", "2026-01-07"]);
    // The 6th now has latencies 50 and 150: mean 100, p50 h = 0.5 → 100, p95 h = 0.95 → 145, p99 h = 0.99 → 149.
    const sixth = storedRow("2026-01-06")!;
    expect(sixth).toMatchObject({ query_count: 2, avg_latency_ms: 100, p50_latency_ms: 100, computed_at: "2026-01-09T00:00:00.000Z" });
    expect(sixth.p95_latency_ms).toBeCloseTo(145, 9);
    expect(sixth.p99_latency_ms).toBeCloseTo(149, 9);
    expect(storedRow("2026-01-07")).toMatchObject({ session_count: 0, query_count: 0, p50_latency_ms: null, error_rate: null });
    // The 5th was not requested, so it keeps its first computation.
    expect(storedRow("2026-01-05")).toMatchObject({ computed_at: "2026-01-08T00:00:00.000Z" });
    expect(temp.sqlite.prepare("SELECT COUNT(*) AS n FROM daily_aggregates").get()).toEqual({ n: 3 });
  });

  it("rejects a date that is not a calendar date", () => {
    expect(() => computeDailyAggregates(temp.sqlite, { dates: ["2026-02-30"] })).toThrow(/Not a calendar date/);
  });
});
