import type Database from "better-sqlite3";
import { insertEmbeddingDoubles } from "@/lib/features/embedding-doubles";
import type { AbTestRow, ConsentRow, TelemetryBatch, TrainingRunRow } from "./rows";
import { batchRowCount } from "./rows";

/**
 * Inserts generated rows with prepared statements, one transaction per chunk. The column lists are the
 * schema's, minus generated columns; each object binds by name (its keys are the column names).
 */
function insertStatement(db: Database.Database, table: string, columns: readonly string[]): Database.Statement {
  return db.prepare(`INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`);
}

const COLUMNS = {
  sessions: ["id", "subject_id", "started_at", "ended_at", "duration_ms", "tool_count", "query_count", "feedback_count", "profile", "success_rate", "client_version", "os_family"],
  queries: ["id", "session_id", "timestamp", "query_hash", "query_length", "query_token_count", "query_type", "latency_ms", "tool_calls", "retrieval_count", "result_count", "result_quality_score", "error_occurred", "error_category", "profile_used", "tools_used"],
  feedback: ["id", "session_id", "query_id", "timestamp", "feedback_type", "rating", "category", "context_hash"],
  tool_usage: ["id", "session_id", "query_id", "timestamp", "tool_name", "tool_category", "execution_ms", "success", "error_type", "input_size_bytes", "output_size_bytes"],
  reasoning_traces: ["id", "session_id", "query_id", "timestamp", "thinktool_name", "step_count", "total_ms", "avg_step_ms", "coherence_score", "depth_score", "step_types"],
  feature_vectors: ["id", "query_id", "computed_at", "embedding", "embedding_model", "embedding_dim", "features", "feature_version"],
  model_predictions: ["id", "query_id", "model_run_id", "predicted_at", "prediction", "confidence", "prediction_type", "actual_value", "is_correct", "labeled_at"],
  redaction_log: ["id", "timestamp", "source_table", "source_id", "redaction_type", "pattern_matched"],
  privacy_consent: ["id", "subject_id", "timestamp", "local_telemetry", "aggregated_sharing", "community_contribution", "consent_version", "ip_hash"],
  model_training_runs: ["id", "started_at", "completed_at", "model_type", "model_version", "hyperparameters", "training_samples", "validation_samples", "test_samples", "accuracy", "precision", "recall", "f1_score", "training_loss", "validation_loss", "training_duration_ms", "feature_set_version", "notes"],
  ab_test_results: ["id", "test_name", "started_at", "ended_at", "variant_a_model", "variant_b_model", "variant_a_run_id", "variant_b_run_id", "traffic_split", "variant_a_samples", "variant_b_samples", "variant_a_successes", "variant_b_successes", "statistical_significance", "winner", "confidence", "notes", "status", "decided_by", "decided_at", "decision_reason"],
} as const;

export class SeedWriter {
  private readonly db: Database.Database;
  private readonly statements: Record<keyof typeof COLUMNS, Database.Statement>;

  constructor(db: Database.Database) {
    this.db = db;
    this.statements = Object.fromEntries(
      Object.entries(COLUMNS).map(([table, columns]) => [table, insertStatement(db, table, columns)]),
    ) as Record<keyof typeof COLUMNS, Database.Statement>;
  }

  private insertAll(table: keyof typeof COLUMNS, rows: readonly object[]): void {
    const statement = this.statements[table];
    for (const row of rows) statement.run(row);
  }

  /**
   * Inserts a chunk, parents before children so foreign keys hold at every statement. Runs inside the caller's
   * transaction when one is open (seedDatabase groups several days per commit), else in its own.
   */
  insertBatch(batch: TelemetryBatch): number {
    const insert = () => {
      this.insertAll("sessions", batch.sessions);
      this.insertAll("queries", batch.queries);
      this.insertAll("feedback", batch.feedback);
      this.insertAll("tool_usage", batch.toolUsage);
      this.insertAll("reasoning_traces", batch.reasoningTraces);
      this.insertAll("feature_vectors", batch.featureVectors);
      insertEmbeddingDoubles(this.db, batch.featureVectors);
      this.insertAll("model_predictions", batch.predictions);
      this.insertAll("redaction_log", batch.redactions);
    };
    if (this.db.inTransaction) insert();
    else this.db.transaction(insert)();
    return batchRowCount(batch);
  }

  insertReferenceData(consent: readonly ConsentRow[], runs: readonly TrainingRunRow[]): number {
    this.db.transaction(() => {
      this.insertAll("privacy_consent", consent);
      this.insertAll("model_training_runs", runs);
    })();
    return consent.length + runs.length;
  }

  /** After the telemetry: A/B tests carry counts derived from the stored predictions (lib/seed/ab-results.ts). */
  insertAbTests(abTests: readonly AbTestRow[]): number {
    this.db.transaction(() => this.insertAll("ab_test_results", abTests))();
    return abTests.length;
  }
}
