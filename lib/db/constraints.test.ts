import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { T1, VALID_ROWS, insertRow, insertValidGraph } from "./test-fixtures/valid-rows";

let temp: TempDatabase;
beforeAll(() => {
  temp = createTempDatabase();
});
afterAll(async () => {
  await temp.close();
});

/** Runs fn inside a savepoint that is always rolled back, so each case starts from the same database. */
function inRolledBackSavepoint(fn: () => void): void {
  temp.sqlite.exec("SAVEPOINT case_under_test");
  try {
    fn();
  } finally {
    temp.sqlite.exec("ROLLBACK TO case_under_test; RELEASE case_under_test");
  }
}

function attempt(table: string, overrides: Record<string, string | number | null>): () => void {
  const base = { ...VALID_ROWS[table]! };
  // A second row of a table with a unique key needs a fresh key, or the failure would be the wrong one.
  if ("id" in base && table !== "query_clusters") base.id = `${base.id}-case`;
  if (table === "daily_aggregates") base.date = "2026-01-11";
  if (table === "schema_version") base.version = 100;
  if (table === "model_training_runs") base.model_version = "9.9.9";
  return () => insertRow(temp.sqlite, table, { ...base, ...overrides });
}

const BAD_TIMESTAMPS = ["2026-01-10 08:00:00", "2026-01-10T08:00:00Z", "2026-01-10T08:00:00.000+00:00", "2026-02-30T08:00:00.000Z"];

// Sorts after every valid timestamp of the fixtures, so only the format CHECK can reject it.
const LATER_BUT_MALFORMED = "2026-01-10T23:59:59Z";
const DECISION = { status: "closed", winner: "A", decided_by: "ana", decision_reason: "x" };

// [table, timestamp column, other values the row needs for the bad timestamp to be the only fault]
const TIMESTAMP_COLUMNS: [string, string, Record<string, string | number | null>][] = [
  ["sessions", "ended_at", {}],
  ["queries", "timestamp", {}],
  ["feedback", "timestamp", {}],
  ["tool_usage", "timestamp", {}],
  ["reasoning_traces", "timestamp", {}],
  ["daily_aggregates", "computed_at", {}],
  ["query_clusters", "computed_at", {}],
  ["privacy_consent", "timestamp", {}],
  ["redaction_log", "timestamp", {}],
  ["model_training_runs", "started_at", { completed_at: null }],
  ["model_training_runs", "completed_at", {}],
  ["training_data_snapshots", "created_at", {}],
  ["training_data_snapshots", "since", { created_at: "2026-01-11T00:00:00.000Z" }],
  ["feature_vectors", "computed_at", {}],
  ["model_predictions", "predicted_at", { actual_value: null, is_correct: null, labeled_at: null }],
  ["model_predictions", "labeled_at", {}],
  ["ab_test_results", "started_at", {}],
  ["ab_test_results", "ended_at", { ...DECISION, decided_at: T1 }],
  ["ab_test_results", "decided_at", { ...DECISION, ended_at: T1 }],
];

// Each breaks exactly one rule of semver.org 2.0.0.
const SEMVER_VIOLATIONS = ["1..2.3", "1.2.3.4", "01.2.3", "1.02.3", "1.2.3-", "1.2.3-a b", "1.2.3+", "1.2.3-.a", "1.2.3-a..b", "1.2.3+a+b", "1.2.3-+b", "1.2."];

// [table, overrides, what the CHECK guards]. The first override names the column the failing CHECK must mention.
const CHECK_CASES: [string, Record<string, string | number | null>, string][] = [
  ["schema_version", { version: 0 }, "version is positive"],
  ["schema_version", { applied_at: "yesterday" }, "applied_at is ISO UTC"],
  ["sessions", { subject_id: "abc" }, "subject_id is a 64-hex hash"],
  ["sessions", { subject_id: "A".repeat(64) }, "subject_id is lower-case hex"],
  ["sessions", { ended_at: "2026-01-10T07:00:00.000Z" }, "ended_at not before started_at"],
  ["sessions", { duration_ms: -1 }, "duration_ms not negative"],
  ["sessions", { tool_count: -1 }, "tool_count not negative"],
  ["sessions", { query_count: -1 }, "query_count not negative"],
  ["sessions", { feedback_count: -1 }, "feedback_count not negative"],
  ["sessions", { profile: "turbo" }, "profile is a known profile"],
  ["sessions", { success_rate: 1.01 }, "success_rate at most 1"],
  ["sessions", { success_rate: -0.01 }, "success_rate at least 0"],
  ...BAD_TIMESTAMPS.map((ts): [string, Record<string, string | null>, string] => ["sessions", { started_at: ts, ended_at: null }, `started_at rejects ${ts}`]),
  ["queries", { query_hash: "abc123" }, "query_hash is a 64-hex hash"],
  ["queries", { query_length: -1 }, "query_length not negative"],
  ["queries", { query_token_count: -1 }, "query_token_count not negative"],
  ["queries", { query_type: "chat" }, "query_type enumerated"],
  ["queries", { latency_ms: -5 }, "latency_ms not negative"],
  ["queries", { tool_calls: -1 }, "tool_calls not negative"],
  ["queries", { retrieval_count: -1 }, "retrieval_count not negative"],
  ["queries", { result_count: -1 }, "result_count not negative"],
  ["queries", { result_quality_score: 1.5 }, "result_quality_score in 0-1"],
  ["queries", { error_occurred: 2 }, "error_occurred boolean"],
  ["queries", { profile_used: "turbo" }, "profile_used enumerated"],
  ["queries", { tools_used: '{"a":1}' }, "tools_used is a JSON array"],
  ["queries", { tools_used: "web_search" }, "tools_used is valid JSON"],
  ["queries", { timestamp: "2026-01-10T08:00:00.000+00:00" }, "timestamp is ISO UTC with Z"],
  ["feedback", { feedback_type: "thumbsup", rating: null }, "feedback_type enumerated (v1 defect 2)"],
  ["feedback", { rating: 0 }, "rating at least 1"],
  ["feedback", { rating: 6 }, "rating at most 5"],
  ["feedback", { feedback_type: "thumbs_up", rating: 5 }, "rating only with explicit feedback"],
  ["feedback", { category: "vibes" }, "category enumerated"],
  ["feedback", { context_hash: "xyz" }, "context_hash is a 64-hex hash"],
  ["feedback", { timestamp: "2026-01-10" }, "timestamp is ISO UTC"],
  ["tool_usage", { tool_name: "" }, "tool_name not empty"],
  ["tool_usage", { tool_category: "network" }, "tool_category enumerated"],
  ["tool_usage", { execution_ms: -1 }, "execution_ms not negative"],
  ["tool_usage", { success: 2 }, "success boolean"],
  ["tool_usage", { input_size_bytes: -1 }, "input_size_bytes not negative"],
  ["tool_usage", { output_size_bytes: -1 }, "output_size_bytes not negative"],
  ["reasoning_traces", { thinktool_name: "" }, "thinktool_name not empty"],
  ["reasoning_traces", { step_count: -1 }, "step_count not negative"],
  ["reasoning_traces", { total_ms: -1 }, "total_ms not negative"],
  ["reasoning_traces", { avg_step_ms: -1 }, "avg_step_ms not negative"],
  ["reasoning_traces", { coherence_score: 1.2 }, "coherence_score in 0-1"],
  ["reasoning_traces", { depth_score: -0.1 }, "depth_score in 0-1"],
  ["reasoning_traces", { step_types: '{"a":1}' }, "step_types is a JSON array"],
  ["daily_aggregates", { date: "2026-13-01" }, "date is a real date"],
  ["daily_aggregates", { date: "2026-01-11T00:00:00.000Z" }, "date is YYYY-MM-DD"],
  ["daily_aggregates", { computed_at: "2026-01-10T08:00" }, "computed_at is ISO UTC"],
  ["daily_aggregates", { session_count: -1 }, "session_count not negative"],
  ["daily_aggregates", { query_count: -1 }, "query_count not negative"],
  ["daily_aggregates", { feedback_count: -1 }, "feedback_count not negative"],
  ["daily_aggregates", { tool_invocations: -1 }, "tool_invocations not negative"],
  ["daily_aggregates", { avg_latency_ms: -1 }, "avg_latency_ms not negative"],
  ["daily_aggregates", { p50_latency_ms: -1 }, "p50 not negative"],
  ["daily_aggregates", { p95_latency_ms: 800 }, "p95 not below p50"],
  ["daily_aggregates", { p99_latency_ms: 800 }, "p99 not below p95"],
  ["daily_aggregates", { avg_success_rate: 1.1 }, "avg_success_rate in 0-1"],
  ["daily_aggregates", { positive_feedback_ratio: 1.1 }, "positive_feedback_ratio in 0-1"],
  ["daily_aggregates", { error_rate: -0.1 }, "error_rate in 0-1"],
  ["daily_aggregates", { tool_distribution: "[1]" }, "tool_distribution is a JSON object"],
  ["daily_aggregates", { query_type_distribution: "{" }, "query_type_distribution is valid JSON"],
  ["query_clusters", { cluster_count: 0, cluster_sizes: "[]" }, "cluster_count at least 1"],
  ["query_clusters", { silhouette_score: 1.5 }, "silhouette_score in -1..1"],
  ["query_clusters", { centroids: "{}" }, "centroids is a JSON array"],
  ["query_clusters", { cluster_sizes: "[3,4,5]" }, "one size per cluster"],
  ["query_clusters", { representative_hashes: "nope" }, "representative_hashes is JSON"],
  ["query_clusters", { sample_count: -1 }, "sample_count not negative"],
  ["privacy_consent", { subject_id: "me@example.com" }, "subject_id is a hash, never an identifier"],
  ["privacy_consent", { local_telemetry: 2 }, "local_telemetry boolean"],
  ["privacy_consent", { aggregated_sharing: -1 }, "aggregated_sharing boolean"],
  ["privacy_consent", { community_contribution: 5 }, "community_contribution boolean"],
  ["privacy_consent", { consent_version: "" }, "consent_version not empty"],
  ["privacy_consent", { ip_hash: "10.0.0.1" }, "ip_hash is a hash, never an address"],
  ["redaction_log", { redaction_type: "secret" }, "redaction_type enumerated"],
  ["redaction_log", { source_table: "" }, "source_table not empty"],
  ["redaction_log", { source_id: "" }, "source_id not empty"],
  ["model_training_runs", { model_type: "regressor" }, "model_type enumerated"],
  ["model_training_runs", { model_version: "v1" }, "model_version is semantic"],
  ["model_training_runs", { model_version: "1.2" }, "model_version has three parts"],
  ["model_training_runs", { model_version: "1.2.3beta" }, "pre-release needs a hyphen"],
  ["model_training_runs", { hyperparameters: "[1,2]" }, "hyperparameters is a JSON object"],
  ["model_training_runs", { hyperparameters: "{lr: 1}" }, "hyperparameters is valid JSON"],
  ["model_training_runs", { training_samples: -1 }, "training_samples not negative"],
  ["model_training_runs", { validation_samples: -1 }, "validation_samples not negative"],
  ["model_training_runs", { test_samples: -1 }, "test_samples not negative"],
  ["model_training_runs", { accuracy: 1.01 }, "accuracy in 0-1"],
  ["model_training_runs", { precision: -0.01 }, "precision in 0-1"],
  ["model_training_runs", { recall: 2 }, "recall in 0-1"],
  ["model_training_runs", { f1_score: 1.5 }, "f1_score in 0-1"],
  ["model_training_runs", { training_loss: -0.1 }, "training_loss not negative"],
  ["model_training_runs", { validation_loss: -0.1 }, "validation_loss not negative"],
  ["model_training_runs", { training_duration_ms: -1 }, "training_duration_ms not negative"],
  ["model_training_runs", { completed_at: "2026-01-10T07:59:59.999Z" }, "completed_at not before started_at"],
  ["training_data_snapshots", { name: "" }, "snapshot name not empty"],
  ["training_data_snapshots", { format: "xlsx" }, "snapshot format enumerated"],
  ["training_data_snapshots", { labelled_only: 2 }, "labelled_only boolean"],
  ["training_data_snapshots", { days: 0 }, "days at least 1"],
  ["training_data_snapshots", { row_count: -1 }, "row_count not negative"],
  ["training_data_snapshots", { content_sha256: "A".repeat(64) }, "content hash lower-case hex"],
  ["training_data_snapshots", { content_sha256: "a".repeat(63) }, "content hash 64 digits"],
  ["training_data_snapshots", { rows_sha256: "xyz" }, "rows hash is hex"],
  ["training_data_snapshots", { feature_versions: '{"fv-2":1}' }, "feature_versions is a JSON array"],
  ["training_data_snapshots", { since: "2026-01-10T10:00:00.000Z" }, "since not after created_at"],
  ["feature_vectors", { embedding: '{"x":1}', embedding_dim: null }, "embedding is a JSON array"],
  ["feature_vectors", { embedding: "[0.1, 0.2", embedding_dim: null }, "embedding is valid JSON"],
  ["feature_vectors", { embedding_dim: 3 }, "embedding_dim matches the array"],
  ["feature_vectors", { embedding_dim: 0, embedding: "[]" }, "embedding_dim positive"],
  ["feature_vectors", { features: "[1]" }, "features is a JSON object"],
  ["feature_vectors", { computed_at: "2026-01-10T08:00:00" }, "computed_at is ISO UTC"],
  ["model_predictions", { prediction: "reason" }, "prediction is JSON"],
  ["model_predictions", { confidence: 1.01 }, "confidence at most 1"],
  ["model_predictions", { confidence: -0.01 }, "confidence at least 0"],
  ["model_predictions", { prediction_type: "regression" }, "prediction_type enumerated"],
  ["model_predictions", { actual_value: "reason" }, "actual_value is JSON"],
  ["model_predictions", { is_correct: 2 }, "is_correct boolean"],
  ["model_predictions", { is_correct: null }, "a labelled prediction has a verdict"],
  ["model_predictions", { actual_value: null, labeled_at: null }, "a verdict needs an actual value"],
  ["model_predictions", { labeled_at: "2026-01-10T07:00:00.000Z" }, "labelled not before predicted"],
  ["ab_test_results", { test_name: "" }, "test_name not empty"],
  ["ab_test_results", { traffic_split: 0 }, "traffic_split strictly above 0"],
  ["ab_test_results", { traffic_split: 1 }, "traffic_split strictly below 1"],
  ["ab_test_results", { traffic_split: 1.5 }, "traffic_split is a share"],
  ["ab_test_results", { variant_a_samples: -1, variant_a_successes: 0 }, "variant_a_samples not negative"],
  ["ab_test_results", { variant_b_samples: -1, variant_b_successes: 0 }, "variant_b_samples not negative"],
  ["ab_test_results", { variant_b_successes: -1 }, "variant_b_successes not negative"],
  ["ab_test_results", { decided_at: "2026-01-10T07:00:00.000Z", status: "closed", winner: "A", decided_by: "ana", ended_at: T1, decision_reason: "x" }, "decided_at not before started_at"],
  ["ab_test_results", { variant_a_successes: 101 }, "variant_a_successes at most samples"],
  ["ab_test_results", { variant_b_successes: 101 }, "variant_b_successes at most samples"],
  ["ab_test_results", { variant_a_successes: -1 }, "variant_a_successes not negative"],
  ["ab_test_results", { statistical_significance: 1.5 }, "p-value in 0-1"],
  ["ab_test_results", { confidence: 2 }, "confidence in 0-1"],
  ["ab_test_results", { status: "paused" }, "status enumerated"],
  ["ab_test_results", { variant_b_run_id: "run1" }, "variants are different runs"],
  ["ab_test_results", { winner: "B" }, "a running test has no winner"],
  ["ab_test_results", { status: "closed" }, "a closed test has a complete decision"],
  ["ab_test_results", { winner: "C", status: "closed", decided_by: "ana", decided_at: T1, ended_at: T1, decision_reason: "x" }, "winner in A/B/tie"],
  ["ab_test_results", { ended_at: "2026-01-10T07:00:00.000Z", status: "closed", winner: "A", decided_by: "ana", decided_at: T1, decision_reason: "x" }, "ended_at not before started_at"],
  ...SEMVER_VIOLATIONS.map((version): [string, Record<string, string>, string] => ["model_training_runs", { model_version: version }, `model_version rejects ${version}`]),
  ...TIMESTAMP_COLUMNS.map(([table, column, extra]): [string, Record<string, string | number | null>, string] => [table, { [column]: LATER_BUT_MALFORMED, ...extra }, `${column} is ISO UTC with milliseconds`]),
];

describe("CHECK constraints", () => {
  beforeAll(() => insertValidGraph(temp.sqlite));

  it("accept the valid row of every table (so each rejection below is caused by its one bad value)", () => {
    for (const table of Object.keys(VALID_ROWS)) {
      inRolledBackSavepoint(() => {
        if (table === "ab_test_results") insertRow(temp.sqlite, "model_training_runs", { ...VALID_ROWS.model_training_runs!, id: "run3", model_version: "1.4.0" });
        expect(attempt(table, table === "ab_test_results" ? { variant_b_run_id: "run3" } : {})).not.toThrow();
      });
    }
  });

  it("accept a closed A/B test with a complete decision, and a semantic version with pre-release and build", () => {
    inRolledBackSavepoint(() => {
      expect(attempt("ab_test_results", { status: "closed", winner: "tie", decided_by: "ana", decided_at: T1, ended_at: T1, decision_reason: "no difference at 80% power" })).not.toThrow();
      expect(attempt("model_training_runs", { model_version: "2.0.0-rc.1+build.5" })).not.toThrow();
    });
  });

  it.each(CHECK_CASES)("%s rejects %j (%s)", (table, overrides) => {
    const column = Object.keys(overrides)[0]!;
    inRolledBackSavepoint(() => {
      // SQLite quotes the failing CHECK's expression: it must be a rule about the column under test.
      expect(attempt(table, overrides)).toThrow(new RegExp(`CHECK constraint failed: .*\\b${column}\\b`));
    });
  });

  it("derive the A/B success rates from the exact counts (generated columns cannot be written)", () => {
    const row = temp.sqlite.prepare("SELECT variant_a_success_rate AS a, variant_b_success_rate AS b FROM ab_test_results WHERE id = 'ab1'").get();
    expect(row).toEqual({ a: 0.4, b: 0.5 });
    expect(() => temp.sqlite.prepare("UPDATE ab_test_results SET variant_a_success_rate = 0.9 WHERE id = 'ab1'").run()).toThrow(/generated column/);
  });

  it("keep the run version unique per model type", () => {
    inRolledBackSavepoint(() => {
      expect(() => insertRow(temp.sqlite, "model_training_runs", { ...VALID_ROWS.model_training_runs!, id: "dup" })).toThrow(/UNIQUE constraint failed/);
      expect(() => insertRow(temp.sqlite, "model_training_runs", { ...VALID_ROWS.model_training_runs!, id: "other-type", model_type: "routing" })).not.toThrow();
    });
  });
});

// [child table, foreign-key column, a row that refers to a parent that does not exist]
const ORPHAN_CASES: [string, string][] = [
  ["queries", "session_id"],
  ["feedback", "session_id"],
  ["feedback", "query_id"],
  ["tool_usage", "session_id"],
  ["tool_usage", "query_id"],
  ["reasoning_traces", "session_id"],
  ["reasoning_traces", "query_id"],
  ["feature_vectors", "query_id"],
  ["model_predictions", "query_id"],
  ["model_predictions", "model_run_id"],
  ["ab_test_results", "variant_a_run_id"],
  ["ab_test_results", "variant_b_run_id"],
  ["model_training_runs", "training_data_snapshot_id"],
];

describe("foreign keys", () => {
  it("cover exactly the documented relations", () => {
    const declared = Object.keys(VALID_ROWS).flatMap((table) =>
      (temp.sqlite.prepare(`PRAGMA foreign_key_list(${table})`).all() as { from: string }[]).map((fk) => `${table}.${fk.from}`),
    );
    expect(declared.sort()).toEqual(ORPHAN_CASES.map(([t, c]) => `${t}.${c}`).sort());
  });

  it("are enforced on this connection", () => {
    expect(temp.sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it.each(ORPHAN_CASES)("%s.%s rejects an orphan", (table, column) => {
    inRolledBackSavepoint(() => {
      expect(attempt(table, { [column]: "missing-parent" })).toThrow(/FOREIGN KEY constraint failed/);
    });
  });

  it("each declare an explicit ON DELETE rule", () => {
    for (const table of Object.keys(VALID_ROWS)) {
      for (const fk of temp.sqlite.prepare(`PRAGMA foreign_key_list(${table})`).all() as { from: string; on_delete: string }[]) {
        expect([`${table}.${fk.from}`, fk.on_delete]).not.toEqual([`${table}.${fk.from}`, "NO ACTION"]);
      }
    }
  });

  it("cascade a session's deletion to everything recorded under it (erasure)", () => {
    inRolledBackSavepoint(() => {
      temp.sqlite.prepare("DELETE FROM sessions WHERE id = 's1'").run();
      for (const table of ["queries", "feedback", "tool_usage", "reasoning_traces", "feature_vectors", "model_predictions"]) {
        expect(temp.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
      }
      expect(temp.sqlite.prepare("SELECT COUNT(*) AS n FROM model_training_runs").get()).toEqual({ n: 2 });
    });
  });

  it("refuse to delete a training run that has predictions or A/B tests", () => {
    inRolledBackSavepoint(() => {
      expect(() => temp.sqlite.prepare("DELETE FROM model_training_runs WHERE id = 'run1'").run()).toThrow(/FOREIGN KEY constraint failed/);
      temp.sqlite.prepare("DELETE FROM model_predictions").run();
      expect(() => temp.sqlite.prepare("DELETE FROM model_training_runs WHERE id = 'run1'").run()).toThrow(/FOREIGN KEY constraint failed/);
      temp.sqlite.prepare("DELETE FROM ab_test_results").run();
      expect(() => temp.sqlite.prepare("DELETE FROM model_training_runs WHERE id = 'run1'").run()).not.toThrow();
    });
  });

  it("leave PRAGMA foreign_key_check clean on the valid graph", () => {
    expect(temp.sqlite.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
  });
});
