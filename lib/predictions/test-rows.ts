import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { insertRow } from "@/lib/db/test-fixtures/valid-rows";

/** A prediction with the values a predictions test cares about; labelled when `actual` is given. */
export function insertLabelledPrediction(
  db: Database.Database,
  row: { run_id: string; query_id: string; predicted: string; actual: string | null; confidence: number | null; predicted_at?: string; type?: string },
): string {
  const id = randomUUID();
  const predictedAt = row.predicted_at ?? "2026-01-02T00:00:00.000Z";
  insertRow(db, "model_predictions", {
    id,
    query_id: row.query_id,
    model_run_id: row.run_id,
    predicted_at: predictedAt,
    prediction: JSON.stringify(row.predicted),
    confidence: row.confidence,
    prediction_type: row.type ?? "classification",
    actual_value: row.actual === null ? null : JSON.stringify(row.actual),
    is_correct: row.actual === null ? null : row.predicted === row.actual ? 1 : 0,
    labeled_at: row.actual === null ? null : predictedAt,
  });
  return id;
}
