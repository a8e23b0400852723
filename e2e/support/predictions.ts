import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { E2E_DATABASE_FILE } from "./e2e-database";

/**
 * Expected values and fixtures for the predictions specs, computed from the e2e database with SQL and textbook
 * formulas, independently of the app's lib/.
 */

/** A writable connection, for the specs that record ground truth or add their own rows. */
export function openWritableE2eDatabase(): Database.Database {
  const db = new Database(E2E_DATABASE_FILE, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  return db;
}

/** Exact two-sided McNemar p-value with integer arithmetic: 2·Σ_{i≤min(b,c)} C(b+c, i) / 2^(b+c), capped at 1. */
export function exactMcNemar(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  let coefficient = 1n;
  let sum = 0n;
  for (let i = 0; i <= Math.min(b, c); i++) {
    sum += coefficient;
    coefficient = (coefficient * BigInt(n - i)) / BigInt(i + 1);
  }
  // Scale to keep 15 significant digits of the ratio before converting.
  const scale = 10n ** 18n;
  return Math.min(1, Number((2n * sum * scale) / 2n ** BigInt(n)) / 1e18);
}

/** "p = 0.003", "p < 0.001", "p = 0.42", as the page prints a p-value. */
export function pText(p: number): string {
  if (p < 0.001) return "p < 0.001";
  return `p = ${p >= 0.1 ? p.toFixed(2) : p.toFixed(3)}`;
}

/** ECE over 10 bins (bin = min(⌊c·10⌋, 9)) of a run's labelled predictions with a confidence, from SQL sums. */
export function eceOf(db: Database.Database, runId: string): number {
  const bins = db
    .prepare(
      `SELECT COUNT(*) AS n, SUM(is_correct) AS correct, SUM(confidence) AS confidence
       FROM model_predictions WHERE model_run_id = ? AND is_correct IS NOT NULL AND confidence IS NOT NULL
       GROUP BY min(CAST(confidence * 10 AS INTEGER), 9)`,
    )
    .all(runId) as { n: number; correct: number; confidence: number }[];
  const total = bins.reduce((sum, bin) => sum + bin.n, 0);
  return bins.reduce((sum, bin) => sum + Math.abs(bin.correct - bin.confidence), 0) / total;
}

export type PairedFixture = { a: string; b: string; versionA: string; versionB: string; plan: { bothCorrect: number; onlyA: number; onlyB: number; bothWrong: number } };

/**
 * Two optimization versions below every seeded one (0.0.x pre-releases) that answered the same 66 existing
 * queries, as in a shadow deployment: their own rows, so no other spec's figures depend on them.
 */
export function insertPairedFixture(db: Database.Database): PairedFixture {
  const plan = { bothCorrect: 20, onlyA: 31, onlyB: 9, bothWrong: 6 };
  const tag = randomUUID().slice(0, 8);
  const versionA = `0.0.1-paired.${tag}.a`;
  const versionB = `0.0.1-paired.${tag}.b`;
  const a = randomUUID();
  const b = randomUUID();
  const run = db.prepare(
    `INSERT INTO model_training_runs (id, started_at, completed_at, model_type, model_version, training_samples, accuracy)
     VALUES (?, ?, ?, 'optimization', ?, 1000, NULL)`,
  );
  const prediction = db.prepare(
    `INSERT INTO model_predictions (id, query_id, model_run_id, predicted_at, prediction, confidence, prediction_type, actual_value, is_correct, labeled_at)
     VALUES (?, ?, ?, ?, ?, 0.7, 'optimization', '"medium"', ?, ?)`,
  );
  const outcomes: [boolean, boolean][] = [
    ...Array.from({ length: plan.bothCorrect }, () => [true, true] as [boolean, boolean]),
    ...Array.from({ length: plan.onlyA }, () => [true, false] as [boolean, boolean]),
    ...Array.from({ length: plan.onlyB }, () => [false, true] as [boolean, boolean]),
    ...Array.from({ length: plan.bothWrong }, () => [false, false] as [boolean, boolean]),
  ];
  db.transaction(() => {
    // Distinct start times and no training metrics or hyperparameters: the runs table's specs sort by started_at
    // and read the seeded hyperparameters of every run with an accuracy.
    run.run(a, "2025-01-01T00:00:00.000Z", "2025-01-01T01:00:00.000Z", versionA);
    run.run(b, "2025-01-02T00:00:00.000Z", "2025-01-02T01:00:00.000Z", versionB);
    // Queries no seeded optimization version answered, so the fixture pairs only with itself.
    const queries = db
      .prepare(
        `SELECT id, timestamp FROM queries q
         WHERE NOT EXISTS (SELECT 1 FROM model_predictions p WHERE p.query_id = q.id AND p.prediction_type = 'optimization')
         ORDER BY id LIMIT ?`,
      )
      .all(outcomes.length) as { id: string; timestamp: string }[];
    outcomes.forEach(([aRight, bRight], i) => {
      const { id: queryId, timestamp } = queries[i]!;
      prediction.run(randomUUID(), queryId, a, timestamp, aRight ? '"medium"' : '"low"', aRight ? 1 : 0, timestamp);
      prediction.run(randomUUID(), queryId, b, timestamp, bRight ? '"medium"' : '"high"', bRight ? 1 : 0, timestamp);
    });
  })();
  return { a, b, versionA, versionB, plan };
}
