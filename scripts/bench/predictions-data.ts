import type Database from "better-sqlite3";
import { Rng, round } from "@/lib/random";

/**
 * One classifier version with `predictions` predictions over 90 days (87% labelled, confidences for all but 2%,
 * eight classes with a realistic confusion), and an older version that answered a share of the same queries,
 * for the live-metrics benchmark. Each prediction has its own query, as in production.
 */
const CLASSES = ["code", "creative", "factual", "math", "planning", "reasoning", "search", "summarise"];
const START = Date.parse("2026-08-01T00:00:00.000Z");
const SPAN_MS = 90 * 86_400_000;

export function insertBenchPredictionRuns(
  sqlite: Database.Database,
  options: { predictions: number; pairedShare?: number; seed?: string },
): { runId: string; olderRunId: string } {
  const rng = new Rng(options.seed ?? "bench-predictions");
  const runId = "bench-classifier-2";
  const olderRunId = "bench-classifier-1";
  const hash = "ab".repeat(32);
  const insertRun = sqlite.prepare(
    `INSERT INTO model_training_runs (id, started_at, completed_at, model_type, model_version, training_samples, test_samples, accuracy)
     VALUES (?, ?, ?, 'classifier', ?, 200000, 20000, ?)`,
  );
  const session = sqlite.prepare("INSERT INTO sessions (id, subject_id, started_at) VALUES (?, ?, ?)");
  const query = sqlite.prepare(
    "INSERT INTO queries (id, session_id, timestamp, query_hash, query_length, latency_ms) VALUES (?, 'bench-session', ?, ?, 10, 100)",
  );
  const prediction = sqlite.prepare(
    `INSERT INTO model_predictions (id, query_id, model_run_id, predicted_at, prediction, confidence, prediction_type,
       actual_value, is_correct, labeled_at) VALUES (?, ?, ?, ?, ?, ?, 'classification', ?, ?, ?)`,
  );
  const predict = (queryId: string, run: string, at: string, truth: string, accuracy: number) => {
    const correct = rng.chance(accuracy);
    const predicted = correct ? truth : rng.pick(CLASSES);
    const labelled = rng.chance(0.87);
    const confidence = rng.chance(0.02) ? null : round(Math.min(0.9999, Math.max(0.01, (correct ? 0.08 : -0.25) + accuracy + rng.normal(0, 0.08))), 4);
    const labelledAt = new Date(Date.parse(at) + 3_600_000).toISOString();
    prediction.run(rng.uuid(), queryId, run, at, JSON.stringify(predicted), confidence, labelled ? JSON.stringify(truth) : null,
      labelled ? (predicted === truth ? 1 : 0) : null, labelled ? labelledAt : null);
  };
  sqlite.transaction(() => {
    insertRun.run(olderRunId, "2026-07-01T00:00:00.000Z", "2026-07-02T00:00:00.000Z", "1.0.0", 0.84);
    insertRun.run(runId, "2026-07-20T00:00:00.000Z", "2026-07-21T00:00:00.000Z", "1.1.0", 0.88);
    session.run("bench-session", hash, new Date(START).toISOString());
    for (let i = 0; i < options.predictions; i++) {
      const at = new Date(START + Math.floor((i / options.predictions) * SPAN_MS)).toISOString();
      const queryId = rng.uuid();
      query.run(queryId, at, hash);
      const truth = rng.pick(CLASSES);
      predict(queryId, runId, at, truth, 0.86 - 0.04 * (i / options.predictions));
      if (rng.chance(options.pairedShare ?? 0.05)) predict(queryId, olderRunId, at, truth, 0.83);
    }
  })();
  return { runId, olderRunId };
}
