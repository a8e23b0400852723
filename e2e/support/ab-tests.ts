import type Database from "better-sqlite3";
import { E2E_DATABASE_FILE } from "./e2e-database";
import BetterSqlite3 from "better-sqlite3";

/**
 * The A/B tests of the e2e database and the statistics the pages should show for them, computed here from the
 * counts with the textbook formulas, apart from the app's lib/stats.
 */
export type AbTestRow = {
  id: string;
  test_name: string;
  status: "running" | "closed";
  started_at: string;
  ended_at: string | null;
  variant_a_run_id: string;
  variant_b_run_id: string;
  variant_a_model: string;
  variant_b_model: string;
  model_type: string;
  traffic_split: number;
  variant_a_samples: number;
  variant_b_samples: number;
  variant_a_successes: number;
  variant_b_successes: number;
  winner: string | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  statistical_significance: number | null;
};

export function abTests(db: Database.Database): AbTestRow[] {
  return db
    .prepare(
      `SELECT t.*, r.model_type FROM ab_test_results t JOIN model_training_runs r ON r.id = t.variant_a_run_id ORDER BY t.started_at DESC`,
    )
    .all() as AbTestRow[];
}

export function abTest(db: Database.Database, id: string): AbTestRow {
  return abTests(db).find((test) => test.id === id)!;
}

/** Unpooled two-proportion z, B − A. */
export function unpooledZ(t: AbTestRow): number {
  const pa = t.variant_a_successes / t.variant_a_samples;
  const pb = t.variant_b_successes / t.variant_b_samples;
  return (pb - pa) / Math.sqrt((pa * (1 - pa)) / t.variant_a_samples + (pb * (1 - pb)) / t.variant_b_samples);
}

/** Pearson χ² of the sample counts against the planned share of B. */
export function srmChiSquare(t: AbTestRow): number {
  const n = t.variant_a_samples + t.variant_b_samples;
  const eb = n * t.traffic_split;
  return (t.variant_a_samples - (n - eb)) ** 2 / (n - eb) + (t.variant_b_samples - eb) ** 2 / eb;
}

/** Labelled and correct predictions of a run from `from` on (the refresh's window of a running test). */
export function recount(db: Database.Database, runId: string, from: string): { samples: number; successes: number } {
  return db
    .prepare("SELECT COUNT(is_correct) AS samples, COALESCE(SUM(is_correct), 0) AS successes FROM model_predictions WHERE model_run_id = ? AND predicted_at >= ?")
    .get(runId, from) as { samples: number; successes: number };
}

/** A writable connection, only to make a test's counts stale before a refresh. */
export function openWritableE2eDatabase(): Database.Database {
  return new BetterSqlite3(E2E_DATABASE_FILE, { fileMustExist: true });
}
