/**
 * Rows as the seeder writes them: keys are the column names, so an object binds straight to the named
 * parameters of the INSERT statements in writer.ts. Generated columns (ab_test_results.variant_*_success_rate)
 * are absent on purpose: SQLite computes them.
 */

export type SessionRow = {
  id: string;
  subject_id: string;
  started_at: string;
  ended_at: string | null;
  duration_ms: number | null;
  tool_count: number;
  query_count: number;
  feedback_count: number;
  profile: string;
  success_rate: number | null;
  client_version: string;
  os_family: string;
};

export type QueryRow = {
  id: string;
  session_id: string;
  timestamp: string;
  query_hash: string;
  query_length: number;
  query_token_count: number;
  query_type: string;
  latency_ms: number;
  tool_calls: number;
  retrieval_count: number;
  result_count: number;
  result_quality_score: number;
  error_occurred: 0 | 1;
  error_category: string | null;
  profile_used: string;
  tools_used: string;
};

export type FeedbackRow = {
  id: string;
  session_id: string;
  query_id: string | null;
  timestamp: string;
  feedback_type: "thumbs_up" | "thumbs_down" | "explicit" | "implicit";
  rating: number | null;
  category: string | null;
  context_hash: string | null;
};

export type ToolUsageRow = {
  id: string;
  session_id: string;
  query_id: string;
  timestamp: string;
  tool_name: string;
  tool_category: string;
  execution_ms: number;
  success: 0 | 1;
  error_type: string | null;
  input_size_bytes: number;
  output_size_bytes: number;
};

export type ReasoningTraceRow = {
  id: string;
  session_id: string;
  query_id: string;
  timestamp: string;
  thinktool_name: string;
  step_count: number;
  total_ms: number;
  avg_step_ms: number;
  coherence_score: number;
  depth_score: number;
  step_types: string;
};

export type FeatureVectorRow = {
  id: string;
  query_id: string;
  computed_at: string;
  embedding: string;
  embedding_model: string;
  embedding_dim: number;
  features: string;
  feature_version: string;
};

export type PredictionRow = {
  id: string;
  query_id: string;
  model_run_id: string;
  predicted_at: string;
  prediction: string;
  confidence: number;
  prediction_type: "classification" | "routing" | "optimization";
  actual_value: string | null;
  is_correct: 0 | 1 | null;
  labeled_at: string | null;
};

export type RedactionRow = {
  id: string;
  timestamp: string;
  source_table: string;
  source_id: string;
  redaction_type: "pii" | "sensitive" | "custom";
  pattern_matched: string;
};

export type ConsentRow = {
  id: string;
  subject_id: string;
  timestamp: string;
  local_telemetry: 0 | 1;
  aggregated_sharing: 0 | 1;
  community_contribution: 0 | 1;
  consent_version: string;
  ip_hash: string | null;
};

export type TrainingRunRow = {
  id: string;
  started_at: string;
  completed_at: string | null;
  model_type: string;
  model_version: string;
  hyperparameters: string;
  training_samples: number;
  validation_samples: number;
  test_samples: number;
  accuracy: number | null;
  precision: number | null;
  recall: number | null;
  f1_score: number | null;
  training_loss: number | null;
  validation_loss: number | null;
  training_duration_ms: number | null;
  feature_set_version: string;
  notes: string;
};

export type AbTestRow = {
  id: string;
  test_name: string;
  started_at: string;
  ended_at: string | null;
  variant_a_model: string;
  variant_b_model: string;
  variant_a_run_id: string;
  variant_b_run_id: string;
  traffic_split: number;
  variant_a_samples: number;
  variant_b_samples: number;
  variant_a_successes: number;
  variant_b_successes: number;
  statistical_significance: number | null;
  winner: "A" | "B" | "tie" | null;
  confidence: number | null;
  notes: string | null;
  status: "running" | "closed";
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
};

/** One chunk of generated telemetry (a day), inserted in one transaction and then dropped. */
export type TelemetryBatch = {
  sessions: SessionRow[];
  queries: QueryRow[];
  feedback: FeedbackRow[];
  toolUsage: ToolUsageRow[];
  reasoningTraces: ReasoningTraceRow[];
  featureVectors: FeatureVectorRow[];
  predictions: PredictionRow[];
  redactions: RedactionRow[];
};

export function emptyBatch(): TelemetryBatch {
  return { sessions: [], queries: [], feedback: [], toolUsage: [], reasoningTraces: [], featureVectors: [], predictions: [], redactions: [] };
}

export function batchRowCount(batch: TelemetryBatch): number {
  return (
    batch.sessions.length +
    batch.queries.length +
    batch.feedback.length +
    batch.toolUsage.length +
    batch.reasoningTraces.length +
    batch.featureVectors.length +
    batch.predictions.length +
    batch.redactions.length
  );
}
