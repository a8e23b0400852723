/**
 * The tables, columns and views that the design document (Task 47) and the v1 telemetry schema name, copied
 * from those documents. Tests check the migrated database against this list, so a renamed or dropped column
 * fails loudly.
 */
export const V1_TABLES: Record<string, string[]> = {
  schema_version: ["version", "applied_at", "description"],
  sessions: ["id", "started_at", "ended_at", "duration_ms", "tool_count", "query_count", "feedback_count", "profile", "success_rate", "client_version", "os_family"],
  queries: ["id", "session_id", "timestamp", "query_hash", "query_length", "query_token_count", "query_type", "latency_ms", "tool_calls", "retrieval_count", "result_count", "result_quality_score", "error_occurred", "error_category", "profile_used", "tools_used"],
  feedback: ["id", "session_id", "query_id", "timestamp", "feedback_type", "rating", "category", "context_hash"],
  tool_usage: ["id", "session_id", "query_id", "timestamp", "tool_name", "tool_category", "execution_ms", "success", "error_type", "input_size_bytes", "output_size_bytes"],
  reasoning_traces: ["id", "session_id", "query_id", "timestamp", "thinktool_name", "step_count", "total_ms", "avg_step_ms", "coherence_score", "depth_score", "step_types"],
  daily_aggregates: ["date", "computed_at", "session_count", "query_count", "feedback_count", "tool_invocations", "avg_latency_ms", "p50_latency_ms", "p95_latency_ms", "p99_latency_ms", "avg_success_rate", "positive_feedback_ratio", "error_rate", "tool_distribution", "query_type_distribution"],
  query_clusters: ["id", "computed_at", "cluster_count", "silhouette_score", "centroids", "cluster_sizes", "representative_hashes"],
  privacy_consent: ["id", "timestamp", "local_telemetry", "aggregated_sharing", "community_contribution", "consent_version", "ip_hash"],
  redaction_log: ["id", "timestamp", "source_table", "source_id", "redaction_type", "pattern_matched"],
};

export const ML_TABLES: Record<string, string[]> = {
  model_training_runs: ["id", "started_at", "completed_at", "model_type", "model_version", "hyperparameters", "training_samples", "validation_samples", "test_samples", "accuracy", "precision", "recall", "f1_score", "training_loss", "validation_loss", "training_duration_ms", "feature_set_version", "notes"],
  feature_vectors: ["id", "query_id", "computed_at", "embedding", "embedding_model", "embedding_dim", "features", "feature_version"],
  model_predictions: ["id", "query_id", "model_run_id", "predicted_at", "prediction", "confidence", "prediction_type", "actual_value", "is_correct"],
  ab_test_results: ["id", "test_name", "started_at", "ended_at", "variant_a_model", "variant_b_model", "traffic_split", "variant_a_samples", "variant_b_samples", "variant_a_success_rate", "variant_b_success_rate", "statistical_significance", "winner", "confidence", "notes"],
};

/** Tables the privacy centre adds (issue 7): erasure requests, the ε ledger, the daily aggregation's fingerprints. */
export const PRIVACY_TABLES: Record<string, string[]> = {
  deletion_requests: ["id", "requested_at", "completed_at", "scope", "target_hash", "rows_deleted", "total_rows"],
  privacy_budget_ledger: ["id", "released_at", "budget", "epsilon", "mechanism", "description"],
  daily_aggregate_sources: ["date", "fingerprint", "computed_at"],
};

/** Tables added by later features (training-data snapshots, the export's training examples and embedding copies). */
export const FEATURE_TABLES: Record<string, string[]> = {
  embedding_doubles: ["feature_vector_id", "doubles"],
  training_examples: [
    "feature_vector_id", "query_id", "query_hash", "timestamp", "query_type", "query_length", "query_token_count", "latency_ms", "tool_calls",
    "result_quality_score", "error_occurred", "embedding_model", "embedding_dim", "feature_version", "features", "embedding_bytes",
    "label_feedback_type", "label_rating", "feedback_count", "positive_label", "is_latest",
  ],
  training_data_snapshots: [
    "id", "name", "notes", "created_at", "format", "since", "days", "embedding_model", "feature_version", "labelled_only",
    "row_count", "byte_count", "content_sha256", "rows_sha256", "schema_version", "feature_versions",
  ],
};

/** Tables access control adds (issue 8): users, their sign-in sessions, API keys. */
export const ACCESS_TABLES: Record<string, string[]> = {
  users: ["id", "username", "role", "password_hash", "created_at", "disabled_at"],
  user_sessions: ["id", "token_hash", "user_id", "created_at", "last_seen_at", "expires_at"],
  api_keys: ["id", "name", "key_prefix", "key_hash", "scope", "created_by", "created_at", "last_used_at", "revoked_at"],
};

/** Tables the ingestion API adds (issue 8): idempotent batch writes and run tags. */
export const API_TABLES: Record<string, string[]> = {
  api_idempotency_keys: ["id", "caller_id", "idempotency_key", "route", "request_hash", "response_status", "response_body", "created_at", "expires_at"],
  run_tags: ["id", "run_id", "tag", "created_at"],
};

/** Columns the foundation issue adds for later features. */
export const ADDED_COLUMNS: Record<string, string[]> = {
  ab_test_results: ["variant_a_successes", "variant_b_successes", "status", "decided_by", "decided_at", "decision_reason"],
  sessions: ["subject_id"],
  privacy_consent: ["subject_id"],
  model_training_runs: ["training_data_snapshot_id"],
};

export const VIEWS: Record<string, string[]> = {
  v_recent_sessions: ["id", "started_at", "feedback_items", "feedback_score"],
  v_tool_performance: ["tool_name", "tool_category", "invocations", "avg_execution_ms", "success_rate"],
  v_thinktool_stats: ["thinktool_name", "uses", "avg_steps", "avg_coherence", "avg_depth"],
  // The design document's select lists, column for column.
  v_training_data_export: ["query_id", "query_hash", "query_type", "query_length", "query_token_count", "latency_ms", "tool_calls", "result_quality_score", "error_occurred", "embedding", "features", "feedback_type", "rating", "positive_label"],
  v_model_performance: ["model_type", "model_version", "started_at", "prediction_count", "accuracy", "avg_confidence", "training_accuracy", "training_f1"],
  v_feature_importance: ["query_length", "tool_count", "profile", "avg_quality", "sample_count"],
  v_training_example_source: [
    "feature_vector_id", "query_id", "query_hash", "timestamp", "query_type", "query_length", "query_token_count", "latency_ms", "tool_calls",
    "result_quality_score", "error_occurred", "embedding_model", "embedding_dim", "feature_version", "features", "embedding_bytes",
    "label_feedback_type", "label_rating", "feedback_count", "positive_label", "is_latest",
  ],
};
