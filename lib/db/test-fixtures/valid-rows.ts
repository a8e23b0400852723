import type Database from "better-sqlite3";

export const HEX_A = "a".repeat(64);
export const HEX_B = "b".repeat(64);
export const T0 = "2026-01-10T08:00:00.000Z";
export const T1 = "2026-01-10T09:30:00.000Z";

type Row = Record<string, string | number | null>;

/** One valid row per table, each referring to the parents inserted before it by insertValidGraph. */
export const VALID_ROWS: Record<string, Row> = {
  schema_version: { version: 99, applied_at: T0, description: "test" },
  sessions: { id: "s1", subject_id: HEX_A, started_at: T0, ended_at: T1, duration_ms: 5_400_000, tool_count: 1, query_count: 1, feedback_count: 1, profile: "balanced", success_rate: 1, client_version: "0.9.3", os_family: "linux" },
  queries: { id: "q1", session_id: "s1", timestamp: T0, query_hash: HEX_A, query_length: 42, query_token_count: 9, query_type: "reason", latency_ms: 850, tool_calls: 1, retrieval_count: 2, result_count: 3, result_quality_score: 0.8, error_occurred: 0, error_category: null, profile_used: "balanced", tools_used: '["web_search"]' },
  feedback: { id: "f1", session_id: "s1", query_id: "q1", timestamp: T1, feedback_type: "explicit", rating: 4, category: "accuracy", context_hash: HEX_B },
  tool_usage: { id: "t1", session_id: "s1", query_id: "q1", timestamp: T0, tool_name: "web_search", tool_category: "search", execution_ms: 120, success: 1, error_type: null, input_size_bytes: 100, output_size_bytes: 2000 },
  reasoning_traces: { id: "r1", session_id: "s1", query_id: "q1", timestamp: T0, thinktool_name: "GigaThink", step_count: 4, total_ms: 400, avg_step_ms: 100, coherence_score: 0.9, depth_score: 0.7, step_types: '["expand","critique"]' },
  daily_aggregates: { date: "2026-01-10", computed_at: T1, session_count: 1, query_count: 1, feedback_count: 1, tool_invocations: 1, avg_latency_ms: 850, p50_latency_ms: 850, p95_latency_ms: 850, p99_latency_ms: 850, avg_success_rate: 1, positive_feedback_ratio: 1, error_rate: 0, tool_distribution: '{"web_search":1}', query_type_distribution: '{"reason":1}' },
  query_clusters: { computed_at: T1, cluster_count: 2, silhouette_score: 0.4, centroids: "[[0,1],[1,0]]", cluster_sizes: "[3,4]", representative_hashes: `["${HEX_A}","${HEX_B}"]`, embedding_model: "minilm-l6-v2", sample_count: 7 },
  privacy_consent: { id: "c1", subject_id: HEX_A, timestamp: T0, local_telemetry: 1, aggregated_sharing: 0, community_contribution: 0, consent_version: "1.0", ip_hash: HEX_B },
  redaction_log: { id: "x1", timestamp: T0, source_table: "queries", source_id: "q1", redaction_type: "pii", pattern_matched: "email" },
  training_data_snapshots: { id: "snap1", name: "January training set", notes: null, created_at: T1, format: "csv", since: T0, days: 90, embedding_model: "minilm-l6-v2", feature_version: "fv-2", labelled_only: 1, row_count: 1, byte_count: 512, content_sha256: HEX_A, rows_sha256: HEX_B, schema_version: "20261128060000_training_data_snapshots", feature_versions: '["fv-2"]' },
  model_training_runs: { id: "run1", started_at: T0, completed_at: T1, model_type: "classifier", model_version: "1.2.0", hyperparameters: '{"learning_rate":0.001}', training_samples: 1000, validation_samples: 200, test_samples: 200, accuracy: 0.9, precision: 0.88, recall: 0.87, f1_score: 0.875, training_loss: 0.2, validation_loss: 0.25, training_duration_ms: 60000, feature_set_version: "fv-2", notes: null },
  feature_vectors: { id: "fv1", query_id: "q1", computed_at: T0, embedding: "[0.6,0.8]", embedding_model: "minilm-l6-v2", embedding_dim: 2, features: '{"query_length":42,"tool_count":1,"profile":"balanced"}', feature_version: "fv-2" },
  model_predictions: { id: "p1", query_id: "q1", model_run_id: "run1", predicted_at: T0, prediction: '"reason"', confidence: 0.7, prediction_type: "classification", actual_value: '"reason"', is_correct: 1, labeled_at: T1 },
  ab_test_results: { id: "ab1", test_name: "classifier 1.2 vs 1.3", started_at: T0, ended_at: null, variant_a_model: "1.2.0", variant_b_model: "1.3.0", variant_a_run_id: "run1", variant_b_run_id: "run2", traffic_split: 0.5, variant_a_samples: 100, variant_b_samples: 100, variant_a_successes: 40, variant_b_successes: 50, statistical_significance: null, winner: null, confidence: null, notes: null, status: "running", decided_by: null, decided_at: null, decision_reason: null },
};

export function insertRow(db: Database.Database, table: string, row: Row): Database.RunResult {
  const columns = Object.keys(row);
  const sql = `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`;
  return db.prepare(sql).run(row);
}

/** Inserts one valid row in every table (plus a second run for the A/B test), parents first. */
export function insertValidGraph(db: Database.Database): void {
  const run2 = { ...VALID_ROWS.model_training_runs!, id: "run2", model_version: "1.3.0" };
  for (const [table, row] of Object.entries(VALID_ROWS)) {
    if (table === "ab_test_results") insertRow(db, "model_training_runs", run2);
    insertRow(db, table, row);
  }
}
