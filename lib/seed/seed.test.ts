import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { isPiiCategory, PII_CATEGORIES, type PiiCategory } from "@/lib/privacy/scrub-pii";
import { DAY_MS } from "@/lib/time";
import { SeedError, seedDatabase, type SeedResult } from "./seed";
import { SEED_SIZES, type SeedSize } from "./sizes";
import { ACCESS_TABLES, ALL_TABLES, DATA_TABLES_DELETE_ORDER, resetDatabase } from "./tables";
import { TEST_ANCHOR, TEST_KEY, tableDigests } from "./test-helpers";

/**
 * Seeding as a whole: reproducibility, and the coherence every dashboard page relies on. The real demo size is
 * seeded once in beforeAll and shared by every coherence check (and seeded once more to prove reproducibility);
 * the small size covers the cheaper cases.
 */
const opened: TempDatabase[] = [];
function seeded(size: "demo" | "small", seed: number, anchor = TEST_ANCHOR): { temp: TempDatabase; result: SeedResult } {
  const temp = createTempDatabase();
  opened.push(temp);
  return { temp, result: seedDatabase(temp.sqlite, { size, seed, anchor, key: TEST_KEY }) };
}

let demo: { temp: TempDatabase; result: SeedResult };

beforeAll(() => {
  demo = seeded("demo", 1);
});

afterAll(async () => {
  for (const temp of opened) await temp.close();
});

describe("seedDatabase: reproducibility", () => {
  it("gives identical contents of every table for the same seed and anchor (demo size, two databases)", () => {
    const again = seeded("demo", 1);
    const first = tableDigests(demo.temp.sqlite);
    expect(tableDigests(again.temp.sqlite)).toEqual(first);
    expect(again.result.counts).toEqual(demo.result.counts);
  });

  it("gives different data for a different seed, and for a different anchor", () => {
    const one = tableDigests(seeded("small", 1).temp.sqlite);
    const two = tableDigests(seeded("small", 2).temp.sqlite);
    const shifted = tableDigests(seeded("small", 1, "2026-11-28T12:00:00.000Z").temp.sqlite);
    for (const table of ALL_TABLES.filter((name) => name !== "schema_version")) {
      expect(two[table], `${table} with seed 2`).not.toBe(one[table]);
      expect(shifted[table], `${table} with another anchor`).not.toBe(one[table]);
    }
  });

  it("resets every table of the schema but the migrations' bookkeeping and access control's users and keys", () => {
    const tables = demo.temp.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT IN ('_prisma_migrations', 'schema_version')")
      .pluck()
      .all() as string[];
    expect([...DATA_TABLES_DELETE_ORDER, ...ACCESS_TABLES].sort()).toEqual(tables.sort());
  });

  it("refuses a non-empty database, and after resetDatabase reseeds exactly like a fresh one", () => {
    const { temp } = seeded("small", 5);
    const fresh = tableDigests(temp.sqlite);
    expect(() => seedDatabase(temp.sqlite, { size: "small", seed: 5, anchor: TEST_ANCHOR, key: TEST_KEY })).toThrow(SeedError);
    resetDatabase(temp.sqlite);
    for (const table of DATA_TABLES_DELETE_ORDER) {
      expect(temp.sqlite.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    expect(temp.sqlite.prepare("SELECT COUNT(*) FROM schema_version").pluck().get()).toBe(1);
    seedDatabase(temp.sqlite, { size: "small", seed: 5, anchor: TEST_ANCHOR, key: TEST_KEY });
    // Equal digests include query_clusters ids: the AUTOINCREMENT counter restarted.
    expect(tableDigests(temp.sqlite)).toEqual(fresh);
  });
});

describe("seedDatabase: A/B plans the traffic cannot show", () => {
  // The small size has about 8 queries a day: far too few for any decisive A/B test.
  const thin = (plan: Partial<SeedSize["abTestPlan"]>): SeedSize => ({ ...SEED_SIZES.small, abTestPlan: { ...SEED_SIZES.small.abTestPlan, ...plan } });
  const empty = (temp: TempDatabase) => DATA_TABLES_DELETE_ORDER.every((table) => temp.sqlite.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() === 0);

  it("refuses to plan a significant win that would need an impossible accuracy, naming the test", () => {
    const temp = createTempDatabase();
    opened.push(temp);
    const seed = () => seedDatabase(temp.sqlite, { size: thin({ routing: ["significant"] }), seed: 1, anchor: TEST_ANCHOR, key: TEST_KEY });
    expect(seed).toThrow(SeedError);
    expect(seed).toThrow(/A\/B test of routing \S+ vs \S+ \(significant\) would need a live accuracy of .* too little traffic/);
    expect(empty(temp)).toBe(true);
  });

  it("throws when the stored predictions do not show the planned state, and leaves the database empty", () => {
    const temp = createTempDatabase();
    opened.push(temp);
    // A sample-ratio mismatch of 54/46 is not detectable in a few hundred samples.
    expect(() => seedDatabase(temp.sqlite, { size: thin({ optimization: ["srm"] }), seed: 1, anchor: TEST_ANCHOR, key: TEST_KEY })).toThrow(
      /A\/B test "optimization \S+ vs \S+" was planned as srm, but its predictions do not show it \(A \d+\/\d+, B \d+\/\d+; z = /,
    );
    expect(empty(temp)).toBe(true);
  });
});

describe("seedDatabase: the demo size", () => {
  const count = (sql: string, ...params: unknown[]) => demo.temp.sqlite.prepare(sql).pluck().get(...params) as number;

  it("fills every table of the schema, and foreign keys and integrity hold", () => {
    for (const table of ALL_TABLES) expect(demo.result.counts[table], table).toBeGreaterThan(0);
    expect(demo.temp.sqlite.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
    expect(demo.temp.sqlite.prepare("PRAGMA integrity_check").pluck().get()).toBe("ok");
  });

  it("has about 2,000 sessions and 10,000 queries, a vector per query and predictions for most", () => {
    const { counts } = demo.result;
    expect(counts.sessions).toBeGreaterThan(1_700);
    expect(counts.sessions).toBeLessThan(2_300);
    expect(counts.queries).toBeGreaterThan(8_500);
    expect(counts.queries).toBeLessThan(11_500);
    expect(counts.feature_vectors).toBe(counts.queries);
    expect(count("SELECT COUNT(DISTINCT query_id) FROM feature_vectors")).toBe(counts.queries);
    const withPrediction = count("SELECT COUNT(DISTINCT query_id) FROM model_predictions");
    expect(withPrediction / counts.queries).toBeGreaterThan(0.85);
    const fv1 = count("SELECT COUNT(*) FROM feature_vectors WHERE feature_version = 'fv-1'");
    expect(fv1).toBeGreaterThan(100);
    expect(fv1).toBeLessThan(700);
    expect(count("SELECT COUNT(*) FROM feature_vectors WHERE embedding_model <> 'minilm-l6-v2' OR embedding_dim <> 384")).toBe(0);
    for (const type of ["classifier", "routing", "optimization"]) {
      const runs = count("SELECT COUNT(*) FROM model_training_runs WHERE model_type = ?", type);
      expect(runs, type).toBeGreaterThanOrEqual(8);
      expect(runs, type).toBeLessThanOrEqual(10);
    }
    expect(counts.ab_test_results).toBe(8);
    expect(counts.daily_aggregates).toBe(121); // 120 days ending at noon touch 121 UTC dates
  });

  it("keeps every row within the 120 days before the anchor", () => {
    const windowStart = new Date(Date.parse(TEST_ANCHOR) - 120 * DAY_MS).toISOString();
    // Every timestamp of the data window's tables; training runs and consent may predate the window, by design.
    const columns = [
      ["sessions", "started_at"], ["sessions", "ended_at"], ["queries", "timestamp"], ["feedback", "timestamp"],
      ["tool_usage", "timestamp"], ["reasoning_traces", "timestamp"], ["redaction_log", "timestamp"],
      ["feature_vectors", "computed_at"], ["model_predictions", "predicted_at"], ["model_predictions", "labeled_at"],
      ["ab_test_results", "started_at"], ["ab_test_results", "ended_at"], ["ab_test_results", "decided_at"],
    ];
    for (const [table, column] of columns) {
      expect(count(`SELECT COUNT(${column}) FROM ${table}`), `${table}.${column} has values`).toBeGreaterThan(0);
      expect(count(`SELECT COUNT(*) FROM ${table} WHERE ${column} > ? OR ${column} < ?`, TEST_ANCHOR, windowStart), `${table}.${column}`).toBe(0);
    }
  });

  it("counts each session's queries, tool calls and feedback, and its success rate, from its actual rows", () => {
    const mismatches = count(`
      SELECT COUNT(*) FROM sessions s WHERE
        s.query_count <> (SELECT COUNT(*) FROM queries q WHERE q.session_id = s.id)
        OR s.tool_count <> (SELECT COUNT(*) FROM tool_usage t WHERE t.session_id = s.id)
        OR s.feedback_count <> (SELECT COUNT(*) FROM feedback f WHERE f.session_id = s.id)
        OR abs(s.success_rate - (SELECT AVG(1 - q.error_occurred) FROM queries q WHERE q.session_id = s.id)) > 1e-12
        OR s.query_count = 0
        OR (s.ended_at IS NOT NULL AND s.duration_ms <> CAST(round((julianday(s.ended_at) - julianday(s.started_at)) * 86400000) AS INTEGER))`);
    expect(mismatches).toBe(0);
  });

  it("lists in tools_used exactly the tools of the query's tool_usage rows, and tool_calls is their number", () => {
    const calls = new Map<string, string[]>();
    for (const row of demo.temp.sqlite.prepare("SELECT query_id, tool_name FROM tool_usage ORDER BY query_id, timestamp").iterate() as Iterable<{ query_id: string; tool_name: string }>) {
      calls.set(row.query_id, [...(calls.get(row.query_id) ?? []), row.tool_name]);
    }
    const queries = demo.temp.sqlite.prepare("SELECT id, tool_calls, tools_used FROM queries").all() as { id: string; tool_calls: number; tools_used: string }[];
    let withTools = 0;
    for (const query of queries) {
      const names = calls.get(query.id) ?? [];
      if (names.length > 0) withTools++;
      expect(query.tool_calls).toBe(names.length);
      expect(JSON.parse(query.tools_used)).toEqual([...new Set(names)]); // distinct, in order of first use
    }
    expect(withTools).toBeGreaterThan(queries.length / 2);
  });

  it("has no session of a subject after that subject withdrew consent, and consent before every session", () => {
    expect(count("SELECT COUNT(*) FROM privacy_consent WHERE local_telemetry = 0")).toBeGreaterThan(0);
    expect(count(`
      SELECT COUNT(*) FROM sessions s JOIN privacy_consent w ON w.subject_id = s.subject_id AND w.local_telemetry = 0
      WHERE s.started_at >= w.timestamp OR s.ended_at >= w.timestamp OR s.ended_at IS NULL`)).toBe(0);
    expect(count(`
      SELECT COUNT(*) FROM sessions s WHERE NOT EXISTS (
        SELECT 1 FROM privacy_consent c WHERE c.subject_id = s.subject_id AND c.local_telemetry = 1 AND c.timestamp <= s.started_at)`)).toBe(0);
    expect(count("SELECT COUNT(DISTINCT consent_version) FROM privacy_consent")).toBe(2);
  });

  it("repeats popular queries: some hashes occur many times, most are rarer", () => {
    const distinct = count("SELECT COUNT(DISTINCT query_hash) FROM queries");
    expect(distinct).toBeLessThan(demo.result.counts.queries);
    expect(distinct).toBeGreaterThan(demo.result.counts.queries * 0.4);
    expect(count("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM queries GROUP BY query_hash)")).toBeGreaterThan(30);
  });

  it("shows weekday seasonality, growth, an error rate of 2-5% and a few error spikes", () => {
    const weekday = count("SELECT AVG(session_count) FROM daily_aggregates WHERE strftime('%w', date) IN ('2', '3', '4') AND date > '2026-08-01' AND date < '2026-11-27'");
    const weekend = count("SELECT AVG(session_count) FROM daily_aggregates WHERE strftime('%w', date) IN ('0', '6') AND date > '2026-08-01'");
    expect(weekday).toBeGreaterThan(1.4 * weekend);
    const first30 = count("SELECT AVG(query_count) FROM daily_aggregates WHERE date BETWEEN '2026-07-31' AND '2026-08-29'");
    const last30 = count("SELECT AVG(query_count) FROM daily_aggregates WHERE date BETWEEN '2026-10-27' AND '2026-11-26'");
    expect(last30).toBeGreaterThan(1.15 * first30);
    const errorRate = count("SELECT AVG(error_occurred) FROM queries");
    expect(errorRate).toBeGreaterThan(0.02);
    expect(errorRate).toBeLessThan(0.05);
    // Three incidents: days whose error rate is several times the usual.
    expect(count("SELECT COUNT(*) FROM daily_aggregates WHERE error_rate > 4 * ? AND query_count >= 30", errorRate)).toBeGreaterThanOrEqual(2);
  });
});

describe("seedDatabase: models and predictions", () => {
  const db = () => demo.temp.sqlite;
  const count = (sql: string, ...params: unknown[]) => db().prepare(sql).pluck().get(...params) as number;

  it("versions each model type with increasing semantic versions and improving metrics, one run still training", () => {
    const runs = db()
      .prepare("SELECT model_type, model_version, accuracy, completed_at, hyperparameters FROM model_training_runs ORDER BY model_type, started_at")
      .all() as { model_type: string; model_version: string; accuracy: number | null; completed_at: string | null; hyperparameters: string }[];
    const running = runs.filter((run) => run.completed_at === null);
    expect(running).toHaveLength(1);
    expect(running[0]!.accuracy).toBeNull();
    for (const type of ["classifier", "routing", "optimization"]) {
      const ofType = runs.filter((run) => run.model_type === type);
      const versions = ofType.map((run) => run.model_version.split(".").map(Number));
      for (let i = 1; i < versions.length; i++) {
        const [a, b] = [versions[i - 1]!, versions[i]!];
        const increasing = b[0]! > a[0]! || (b[0] === a[0] && (b[1]! > a[1]! || (b[1] === a[1] && b[2]! > a[2]!)));
        expect(increasing, `${type} ${a.join(".")} → ${b.join(".")}`).toBe(true);
        expect(ofType[i]!.hyperparameters).not.toBe(ofType[i - 1]!.hyperparameters);
      }
      const accuracies = ofType.map((run) => run.accuracy).filter((a): a is number => a !== null);
      expect(accuracies[accuracies.length - 1]!, type).toBeGreaterThan(accuracies[0]! + 0.1);
    }
  });

  it("labels predictions with the truth of their query: query type, profile used, tool budget", () => {
    expect(count(`SELECT COUNT(*) FROM model_predictions p JOIN queries q ON q.id = p.query_id
                  WHERE p.actual_value IS NOT NULL AND (
                    (p.prediction_type = 'classification' AND p.actual_value <> json_quote(q.query_type))
                    OR (p.prediction_type = 'routing' AND p.actual_value <> json_quote(q.profile_used))
                    OR (p.prediction_type = 'optimization' AND p.actual_value <> json_quote(
                        CASE WHEN q.tool_calls <= 1 THEN 'low' WHEN q.tool_calls <= 3 THEN 'medium' ELSE 'high' END))
                    OR p.is_correct <> (p.prediction = p.actual_value))`)).toBe(0);
    // Each prediction comes from a run of the matching model type that had finished training.
    expect(count(`SELECT COUNT(*) FROM model_predictions p JOIN model_training_runs r ON r.id = p.model_run_id
                  WHERE r.completed_at IS NULL OR r.completed_at > p.predicted_at
                     OR (p.prediction_type = 'classification') <> (r.model_type = 'classifier')`)).toBe(0);
  });

  it("has replaced versions answer the same queries in shadow for a while, outside their A/B tests", () => {
    const pairs = db()
      .prepare(`SELECT old.model_run_id AS shadow, old.predicted_at
                FROM model_predictions old
                JOIN model_predictions cur ON cur.query_id = old.query_id AND cur.prediction_type = old.prediction_type
                JOIN model_training_runs ro ON ro.id = old.model_run_id
                JOIN model_training_runs rc ON rc.id = cur.model_run_id
                WHERE ro.started_at < rc.started_at`)
      .all() as { shadow: string; predicted_at: string }[];
    // Several hundred queries answered by two versions, never by three.
    expect(pairs.length).toBeGreaterThan(300);
    expect(count("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM model_predictions GROUP BY query_id, prediction_type)")).toBe(2);
    // A shadow answer is never counted by an A/B test: no test of the shadow version was running at the time.
    const inTest = db().prepare(`SELECT COUNT(*) FROM ab_test_results t
                                  WHERE ? IN (t.variant_a_run_id, t.variant_b_run_id)
                                    AND ? >= t.started_at AND (t.ended_at IS NULL OR ? < t.ended_at)`).pluck();
    expect(pairs.filter((pair) => (inTest.get(pair.shadow, pair.predicted_at, pair.predicted_at) as number) > 0)).toEqual([]);
  });

  it("labels about 80% of predictions, the most recent days far less", () => {
    const overall = count("SELECT AVG(is_correct IS NOT NULL) FROM model_predictions");
    expect(overall).toBeGreaterThan(0.75);
    expect(overall).toBeLessThan(0.92);
    const lastDay = count("SELECT AVG(is_correct IS NOT NULL) FROM model_predictions WHERE predicted_at > ?", new Date(Date.parse(TEST_ANCHOR) - DAY_MS).toISOString());
    expect(lastDay).toBeLessThan(0.5);
  });

  it("has over-confident versions (mean confidence well above accuracy) and calibrated ones, live accuracy below training", () => {
    const runs = db()
      .prepare("SELECT model_version, labelled_count, accuracy, avg_confidence, training_accuracy FROM v_model_performance WHERE labelled_count >= 150")
      .all() as { labelled_count: number; accuracy: number; avg_confidence: number; training_accuracy: number }[];
    const gaps = runs.map((run) => run.avg_confidence - run.accuracy);
    expect(gaps.some((gap) => gap > 0.08)).toBe(true);
    expect(gaps.some((gap) => Math.abs(gap) < 0.03)).toBe(true);
    for (const run of runs) {
      expect(run.accuracy).toBeLessThan(run.training_accuracy + 0.03);
      expect(run.accuracy).toBeGreaterThan(run.training_accuracy - 0.12);
    }
  });
});

/**
 * A/B tests, for the seed the e2e tests use (7) and one more (1): counts that are the stored predictions', and
 * every state the dashboard must be able to show.
 */
/** Two-sided normal p-value by the continued fraction of erfc (A&S 7.1.14) beyond 3, the Taylor series of erf below. */
function twoSidedP(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  if (x < 3) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (-x * x) / n;
      sum += term / (2 * n + 1);
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  let fraction = 0;
  for (let k = 200; k >= 1; k--) fraction = (k / 2) / (x + fraction);
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / (x + fraction);
}

describe.each([1, 7])("seedDatabase: A/B tests of demo seed %i", (seed) => {
  type Test = {
    id: string; test_name: string; status: string; winner: string | null; traffic_split: number; statistical_significance: number | null;
    confidence: number | null; variant_a_samples: number; variant_b_samples: number; variant_a_successes: number; variant_b_successes: number;
    variant_a_run_id: string; variant_b_run_id: string; started_at: string; ended_at: string | null; decided_at: string | null;
    a_type: string; b_type: string; a_version: string; b_version: string; variant_a_model: string; variant_b_model: string; b_completed: string;
  };
  let db: Database.Database;
  let tests: Test[];
  beforeAll(() => {
    db = seed === 1 ? demo.temp.sqlite : seeded("demo", seed).temp.sqlite;
    tests = db.prepare(`
      SELECT t.*, a.model_type AS a_type, b.model_type AS b_type, a.model_version AS a_version, b.model_version AS b_version,
             b.completed_at AS b_completed
      FROM ab_test_results t JOIN model_training_runs a ON a.id = t.variant_a_run_id JOIN model_training_runs b ON b.id = t.variant_b_run_id
      ORDER BY t.started_at`).all() as Test[];
  });

  // The unpooled two-proportion z (the analysis a decision records) and the sample-ratio χ², written out here
  // independently of the seeder's code.
  const z = (t: Test) => {
    const pa = t.variant_a_successes / t.variant_a_samples;
    const pb = t.variant_b_successes / t.variant_b_samples;
    return (pb - pa) / Math.sqrt((pa * (1 - pa)) / t.variant_a_samples + (pb * (1 - pb)) / t.variant_b_samples);
  };
  const srmChi2 = (t: Test) => {
    const n = t.variant_a_samples + t.variant_b_samples;
    const eb = n * t.traffic_split;
    return (t.variant_a_samples - (n - eb)) ** 2 / (n - eb) + (t.variant_b_samples - eb) ** 2 / eb;
  };

  it("counts as samples each variant's labelled predictions in the test's window, and as successes the correct ones", () => {
    // The window is [started_at, ended_at), or everything from started_at for a running test.
    const recount = db.prepare(`
      SELECT COUNT(is_correct) AS samples, COALESCE(SUM(is_correct), 0) AS successes FROM model_predictions
      WHERE model_run_id = ? AND predicted_at >= ? AND (? IS NULL OR predicted_at < ?)`);
    for (const t of tests) {
      const a = recount.get(t.variant_a_run_id, t.started_at, t.ended_at, t.ended_at) as { samples: number; successes: number };
      const b = recount.get(t.variant_b_run_id, t.started_at, t.ended_at, t.ended_at) as { samples: number; successes: number };
      expect([t.variant_a_samples, t.variant_a_successes, t.variant_b_samples, t.variant_b_successes], t.test_name).toEqual([
        a.samples, a.successes, b.samples, b.successes,
      ]);
      // Hundreds of samples per variant: enough to decide something.
      expect(Math.min(a.samples, b.samples), t.test_name).toBeGreaterThan(400);
    }
  });

  it("runs tests inside the data window, one at a time per model type, each B trained before its test began", () => {
    const windowStart = new Date(Date.parse(TEST_ANCHOR) - 120 * DAY_MS).toISOString();
    for (const t of tests) {
      expect(t.started_at >= windowStart, t.test_name).toBe(true);
      expect((t.decided_at ?? t.started_at) <= TEST_ANCHOR, t.test_name).toBe(true);
      expect(t.a_type).toBe(t.b_type);
      expect([t.variant_a_model, t.variant_b_model]).toEqual([t.a_version, t.b_version]);
      expect(t.b_completed < t.started_at, t.test_name).toBe(true);
    }
    for (const type of ["classifier", "routing", "optimization"]) {
      const ofType = tests.filter((t) => t.a_type === type);
      expect(ofType.filter((t) => t.status === "running"), type).toHaveLength(1);
      for (let i = 1; i < ofType.length; i++) expect(ofType[i - 1]!.decided_at! < ofType[i]!.started_at, type).toBe(true);
    }
  });

  it("records for each closed test the unpooled z-test p-value of its counts, and the winner it supports", () => {
    const closed = tests.filter((t) => t.status === "closed");
    expect(closed.length).toBeGreaterThanOrEqual(3);
    for (const t of closed) {
      // p = erfc(|z| / √2), with erfc from the independent high-precision series below.
      expect(t.statistical_significance! / twoSidedP(z(t)), t.test_name).toBeCloseTo(1, 6);
      expect(t.confidence).toBeCloseTo(1 - t.statistical_significance!, 12);
      // Consistent with |z| against the 5% and 0.1% two-sided critical values, 1.96 and 3.2905.
      expect(t.statistical_significance! < 0.05, t.test_name).toBe(Math.abs(z(t)) > 1.96);
      expect(t.statistical_significance! < 0.001, t.test_name).toBe(Math.abs(z(t)) > 3.2905);
      expect(t.winner, t.test_name).toBe(Math.abs(z(t)) > 1.96 ? (z(t) > 0 ? "B" : "A") : "tie");
    }
    for (const t of tests.filter((test) => test.status === "running")) expect(t.statistical_significance).toBeNull();
  });

  it("shows every state: running significant, inconclusive and sample-ratio mismatch; closed won by B, by A, and tied", () => {
    const running = tests.filter((t) => t.status === "running");
    const closed = tests.filter((t) => t.status === "closed");
    // 3.2905 and 1.96 are the two-sided critical values for p = 0.001 and 0.05; 3.84 and 10.83 are χ²₁'s for 0.05, 0.001.
    expect(running.some((t) => z(t) > 3.2905 && srmChi2(t) < 3.84), "running, B clearly better").toBe(true);
    expect(running.some((t) => Math.abs(z(t)) < 1.96 && srmChi2(t) < 3.84), "running, inconclusive").toBe(true);
    const mismatched = running.filter((t) => t.traffic_split === 0.5 && srmChi2(t) > 10.83);
    expect(mismatched, "running, sample-ratio mismatch").toHaveLength(1);
    // About 54/46 instead of 50/50.
    const shareA = mismatched[0]!.variant_a_samples / (mismatched[0]!.variant_a_samples + mismatched[0]!.variant_b_samples);
    expect(shareA).toBeGreaterThan(0.52);
    expect(shareA).toBeLessThan(0.57);
    for (const t of [...running, ...closed].filter((test) => !mismatched.includes(test))) expect(srmChi2(t), t.test_name).toBeLessThan(3.84);
    expect(closed.some((t) => t.winner === "B" && z(t) > 1.96), "closed, B won").toBe(true);
    expect(closed.some((t) => t.winner === "A" && z(t) < -1.96), "closed, A won").toBe(true);
    expect(closed.some((t) => t.winner === "tie" && Math.abs(z(t)) < 1.96), "closed, tie").toBe(true);
  });
});

describe("seedDatabase: aggregates, clusters, features and redactions", () => {
  const db = () => demo.temp.sqlite;
  const count = (sql: string, ...params: unknown[]) => db().prepare(sql).pluck().get(...params) as number;

  it("computes daily aggregates from the raw rows", () => {
    expect(count(`SELECT COUNT(*) FROM daily_aggregates d WHERE
      d.query_count <> (SELECT COUNT(*) FROM queries q WHERE substr(q.timestamp, 1, 10) = d.date)
      OR d.session_count <> (SELECT COUNT(*) FROM sessions s WHERE substr(s.started_at, 1, 10) = d.date)
      OR d.tool_invocations <> (SELECT COUNT(*) FROM tool_usage t WHERE substr(t.timestamp, 1, 10) = d.date)
      OR d.p50_latency_ms > d.p95_latency_ms OR d.p95_latency_ms > d.p99_latency_ms
      OR d.p50_latency_ms = d.avg_latency_ms OR d.computed_at <> ?`, TEST_ANCHOR)).toBe(0);
  });

  it("stores a k = 8 clustering of every vector (and an earlier k = 6 one) whose representatives are real queries", () => {
    const rows = db().prepare("SELECT * FROM query_clusters ORDER BY computed_at").all() as {
      cluster_count: number; cluster_sizes: string; representative_hashes: string; centroids: string; sample_count: number; silhouette_score: number;
    }[];
    expect(rows.map((r) => r.cluster_count)).toEqual([6, 8]);
    const latest = rows[1]!;
    const sizes = JSON.parse(latest.cluster_sizes) as number[];
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(demo.result.counts.feature_vectors);
    expect(latest.sample_count).toBe(demo.result.counts.feature_vectors);
    expect(rows[0]!.sample_count).toBeLessThan(latest.sample_count);
    expect((JSON.parse(latest.centroids) as number[][]).map((c) => c.length)).toEqual(Array(8).fill(384));
    for (const hash of JSON.parse(latest.representative_hashes) as string[]) {
      expect(count("SELECT COUNT(*) FROM queries WHERE query_hash = ?", hash)).toBeGreaterThan(0);
    }
    // Eight latent topics: the k = 8 clustering finds clear structure.
    expect(latest.silhouette_score).toBeGreaterThan(0.15);
  });

  it("stores unit-length embeddings and features that agree with their query", () => {
    const norms = db().prepare("SELECT embedding FROM feature_vectors LIMIT 50").pluck().all() as string[];
    for (const text of norms) {
      const v = JSON.parse(text) as number[];
      expect(Math.sqrt(v.reduce((a, x) => a + x * x, 0))).toBeCloseTo(1, 2);
    }
    expect(count(`SELECT COUNT(*) FROM feature_vectors f JOIN queries q ON q.id = f.query_id WHERE
      json_extract(f.features, '$.query_type') <> q.query_type OR json_extract(f.features, '$.tool_count') <> q.tool_calls
      OR json_extract(f.features, '$.query_length') <> q.query_length OR json_extract(f.features, '$.profile') <> q.profile_used`)).toBe(0);
  });

  it("logs redactions against real rows by pattern name only", () => {
    for (const table of ["queries", "feedback", "sessions", "tool_usage"]) {
      expect(count(`SELECT COUNT(*) FROM redaction_log WHERE source_table = ?`, table), table).toBeGreaterThan(0);
      expect(count(`SELECT COUNT(*) FROM redaction_log r WHERE source_table = ? AND NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = r.source_id)`, table)).toBe(0);
    }
    expect(count("SELECT COUNT(*) FROM redaction_log WHERE pattern_matched NOT GLOB '[a-z]*' OR pattern_matched GLOB '*[^a-z0-9_]*'")).toBe(0);
  });

  it("gives feedback on about 30% of queries, thumbs up likelier on better answers, ratings only when explicit", () => {
    const share = count("SELECT COUNT(DISTINCT query_id) * 1.0 / (SELECT COUNT(*) FROM queries) FROM feedback");
    expect(share).toBeGreaterThan(0.24);
    expect(share).toBeLessThan(0.38);
    expect(count("SELECT COUNT(*) FROM (SELECT query_id FROM feedback WHERE query_id IS NOT NULL GROUP BY query_id HAVING COUNT(*) > 1)")).toBeGreaterThan(0);
    const upQuality = count("SELECT AVG(q.result_quality_score) FROM feedback f JOIN queries q ON q.id = f.query_id WHERE f.feedback_type = 'thumbs_up'");
    const downQuality = count("SELECT AVG(q.result_quality_score) FROM feedback f JOIN queries q ON q.id = f.query_id WHERE f.feedback_type = 'thumbs_down'");
    expect(upQuality).toBeGreaterThan(downQuality + 0.15);
    expect(count("SELECT COUNT(*) FROM feedback WHERE (rating IS NULL) = (feedback_type = 'explicit')")).toBe(0);
  });
});

describe("seedDatabase: the redaction log", () => {
  it("names only the scrubber's own categories, each with the kind of redaction the scrubber gives it", () => {
    const rows = demo.temp.sqlite.prepare("SELECT DISTINCT pattern_matched, redaction_type FROM redaction_log").all() as { pattern_matched: string; redaction_type: string }[];
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(isPiiCategory(row.pattern_matched), row.pattern_matched).toBe(true);
      expect(row.redaction_type, row.pattern_matched).toBe(PII_CATEGORIES[row.pattern_matched as PiiCategory]);
    }
  });
});
