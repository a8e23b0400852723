import type Database from "better-sqlite3";
import { insertRow } from "@/lib/db/test-fixtures/valid-rows";

/**
 * Hand-built training runs for the runs-list tests: every column settable, readable ids ("c1", "r2") so a
 * failing assertion names the rows, and values a test states rather than draws.
 */
export type TestRun = {
  id: string;
  model_type?: "classifier" | "routing" | "optimization";
  model_version: string;
  started_at?: string;
  completed_at?: string | null;
  hyperparameters?: Record<string, unknown>;
  training_samples?: number;
  accuracy?: number | null;
  precision?: number | null;
  recall?: number | null;
  f1_score?: number | null;
  training_loss?: number | null;
  validation_loss?: number | null;
  training_duration_ms?: number | null;
  feature_set_version?: string | null;
  notes?: string | null;
};

export function insertTestRun(db: Database.Database, run: TestRun): string {
  const startedAt = run.started_at ?? "2026-01-01T00:00:00.000Z";
  insertRow(db, "model_training_runs", {
    id: run.id,
    model_type: run.model_type ?? "classifier",
    model_version: run.model_version,
    started_at: startedAt,
    completed_at: run.completed_at === undefined ? startedAt : run.completed_at,
    hyperparameters: JSON.stringify(run.hyperparameters ?? {}),
    training_samples: run.training_samples ?? 1000,
    accuracy: run.accuracy ?? null,
    precision: run.precision ?? null,
    recall: run.recall ?? null,
    f1_score: run.f1_score ?? null,
    training_loss: run.training_loss ?? null,
    validation_loss: run.validation_loss ?? null,
    training_duration_ms: run.training_duration_ms ?? null,
    feature_set_version: run.feature_set_version ?? null,
    notes: run.notes ?? null,
  });
  return run.id;
}

export function insertTestRuns(db: Database.Database, runs: readonly TestRun[]): void {
  for (const run of runs) insertTestRun(db, run);
}
