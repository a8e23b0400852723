import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { insertRow } from "@/lib/db/test-fixtures/valid-rows";

/** Feature vectors and feedback for hand-built test databases (queries come from lib/test-support/rows.ts). */

export function insertFeatureVector(
  db: Database.Database,
  row: { query_id: string; embedding: number[]; features?: Record<string, unknown>; embedding_model?: string; feature_version?: string; id?: string; computed_at?: string },
): string {
  const id = row.id ?? randomUUID();
  insertRow(db, "feature_vectors", {
    id,
    query_id: row.query_id,
    computed_at: row.computed_at ?? "2026-01-01T00:00:00.000Z",
    embedding: JSON.stringify(row.embedding),
    embedding_model: row.embedding_model ?? "test-model",
    embedding_dim: row.embedding.length,
    features: JSON.stringify(row.features ?? {}),
    feature_version: row.feature_version ?? "fv-1",
  });
  return id;
}

export function insertFeedback(
  db: Database.Database,
  row: { query_id: string; timestamp: string; feedback_type: "thumbs_up" | "thumbs_down" | "explicit" | "implicit"; rating?: number },
): string {
  const id = randomUUID();
  const sessionId = (db.prepare("SELECT session_id FROM queries WHERE id = ?").pluck().get(row.query_id) as string);
  insertRow(db, "feedback", { id, session_id: sessionId, query_id: row.query_id, timestamp: row.timestamp, feedback_type: row.feedback_type, rating: row.rating ?? null });
  return id;
}
