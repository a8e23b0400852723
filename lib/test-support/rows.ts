import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { insertRow as insert } from "@/lib/db/test-fixtures/valid-rows";

/**
 * Minimal valid rows for hand-built test databases: each helper fills the NOT NULL columns with plain values
 * and takes the columns a test cares about. Returns the new row's id.
 */

const HEX = "0123456789abcdef".repeat(4);

export function insertSession(db: Database.Database, row: { started_at?: string } = {}): string {
  const id = randomUUID();
  insert(db, "sessions", { id, subject_id: HEX, started_at: row.started_at ?? "2026-01-01T00:00:00.000Z" });
  return id;
}

export function insertQuery(db: Database.Database, row: { timestamp: string; session_id?: string }): string {
  const id = randomUUID();
  const sessionId = row.session_id ?? insertSession(db, { started_at: row.timestamp });
  insert(db, "queries", { id, session_id: sessionId, timestamp: row.timestamp, query_hash: HEX, query_length: 10, latency_ms: 100 });
  return id;
}

export type RunRow = {
  model_type: "classifier" | "routing" | "optimization";
  model_version: string;
  started_at?: string;
  completed_at?: string | null;
  accuracy?: number | null;
};

export function insertRun(db: Database.Database, row: RunRow): string {
  const id = randomUUID();
  const startedAt = row.started_at ?? "2026-01-01T00:00:00.000Z";
  insert(db, "model_training_runs", {
    id,
    model_type: row.model_type,
    model_version: row.model_version,
    started_at: startedAt,
    completed_at: row.completed_at === undefined ? startedAt : row.completed_at,
    accuracy: row.accuracy ?? null,
    training_samples: 1000,
  });
  return id;
}

/** A prediction of `run_id`: unlabelled when `is_correct` is null, otherwise labelled right (1) or wrong (0). */
export function insertPrediction(db: Database.Database, row: { run_id: string; query_id: string; is_correct: 0 | 1 | null }): string {
  const id = randomUUID();
  const labelled = row.is_correct !== null;
  insert(db, "model_predictions", {
    id,
    query_id: row.query_id,
    model_run_id: row.run_id,
    predicted_at: "2026-01-02T00:00:00.000Z",
    prediction: '"reason"',
    prediction_type: "classification",
    actual_value: labelled ? '"reason"' : null,
    is_correct: row.is_correct,
    labeled_at: labelled ? "2026-01-03T00:00:00.000Z" : null,
  });
  return id;
}

export function insertAbTest(
  db: Database.Database,
  row: {
    status: "running" | "closed";
    run_a: string;
    run_b: string;
    test_name?: string;
    started_at?: string;
    variant_a_model?: string;
    variant_b_model?: string;
    variant_a_samples?: number;
    variant_b_samples?: number;
  },
): string {
  const id = randomUUID();
  const startedAt = row.started_at ?? "2026-01-01T00:00:00.000Z";
  const closed = row.status === "closed";
  insert(db, "ab_test_results", {
    id,
    test_name: row.test_name ?? `test ${id.slice(0, 8)}`,
    started_at: startedAt,
    ended_at: closed ? "2026-01-05T00:00:00.000Z" : null,
    variant_a_model: row.variant_a_model ?? "1.0.0",
    variant_b_model: row.variant_b_model ?? "1.1.0",
    variant_a_samples: row.variant_a_samples ?? 0,
    variant_b_samples: row.variant_b_samples ?? 0,
    variant_a_run_id: row.run_a,
    variant_b_run_id: row.run_b,
    traffic_split: 0.5,
    status: row.status,
    winner: closed ? "B" : null,
    decided_by: closed ? "tester" : null,
    decided_at: closed ? "2026-01-05T00:00:00.000Z" : null,
    decision_reason: closed ? "B converts better" : null,
  });
  return id;
}
