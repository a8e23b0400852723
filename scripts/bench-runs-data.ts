import type Database from "better-sqlite3";
import { clamp, Rng, round } from "@/lib/random";
import { MODEL_TYPES } from "@/lib/runs/model-types";
import { runOutcomeColumns } from "@/lib/seed/runs";

/**
 * Bulk training runs for the runs-page benchmark: realistic in shape (three model types, unique semantic
 * versions per type with a few pre-releases, 6–9 hyperparameters of mixed types, a share still running, notes with
 * punctuation), inserted through one prepared statement in one transaction. Live accuracy needs predictions, and
 * predictions need queries, so the newest runs of each type also get labelled predictions.
 */
export type BenchDataOptions = { runs: number; seed?: string; predictionRuns?: number; predictionsPerRun?: number };

const START = Date.parse("2023-01-01T00:00:00.000Z");
const SPAN_MS = 3 * 365 * 86_400_000;
const OPTIMIZERS = ["adam", "adamw", "sgd", "lion"];
const SCHEDULERS = ["cosine", "linear", "constant"];
const NOTES = [
  "Baseline retrain on the last 30 days.",
  'Added "has_code" feature; dropout 0.2, label smoothing 0.1.',
  "Hotfix: tokenizer truncation dropped code blocks.",
  "Sweep point, learning rate x batch size.",
  "Re-run with a corrected seed, same data split.",
  null,
] as const;

/** The i-th version of a model type: 20 patches per minor, 40 minors per major, a few release candidates. */
function versionOf(i: number, rng: Rng): string {
  const core = `${1 + Math.floor(i / 800)}.${Math.floor(i / 20) % 40}.${i % 20}`;
  // A few release candidates: distinct strings, so they stay unique beside the release of the same core.
  return rng.chance(0.01) ? `${core}-rc.${rng.int(1, 3)}` : core;
}

export function insertBenchRuns(sqlite: Database.Database, options: BenchDataOptions): { runIds: string[] } {
  const rng = new Rng(options.seed ?? "bench");
  const insert = sqlite.prepare(
    `INSERT INTO model_training_runs (id, started_at, completed_at, model_type, model_version, hyperparameters,
       training_samples, validation_samples, test_samples, accuracy, precision, recall, f1_score, training_loss,
       validation_loss, training_duration_ms, feature_set_version, notes)
     VALUES (@id, @started_at, @completed_at, @model_type, @model_version, @hyperparameters, @training_samples,
       @validation_samples, @test_samples, @accuracy, @precision, @recall, @f1_score, @training_loss,
       @validation_loss, @training_duration_ms, @feature_set_version, @notes)`,
  );
  const runIds: string[] = [];
  const perType = Math.ceil(options.runs / MODEL_TYPES.length);
  sqlite.transaction(() => {
    for (let n = 0; n < options.runs; n++) {
      const modelType = MODEL_TYPES[n % MODEL_TYPES.length]!;
      const index = Math.floor(n / MODEL_TYPES.length);
      // Each index has its own core version, so versions are unique per model type with or without a suffix.
      const version = versionOf(index, rng);
      const progress = index / perType;
      const startedAt = START + progress * SPAN_MS + rng.int(0, 6 * 3_600_000);
      const running = rng.chance(0.02);
      const samples = rng.int(5_000, 200_000);
      const hyperparameters: Record<string, number | string | boolean> = {
        learning_rate: rng.pick([0.0001, 0.0003, 0.0005, 0.001, 0.002, 0.003]),
        batch_size: rng.pick([16, 32, 64, 128, 256]),
        epochs: rng.int(5, 40),
        dropout: round(rng.int(0, 10) * 0.05, 2),
        optimizer: rng.pick(OPTIMIZERS),
        hidden_dim: rng.pick([96, 128, 192, 256, 384, 512]),
      };
      if (rng.chance(0.5)) hyperparameters.weight_decay = rng.pick([0, 0.0001, 0.001, 0.01]);
      if (rng.chance(0.3)) hyperparameters.scheduler = rng.pick(SCHEDULERS);
      if (rng.chance(0.2)) hyperparameters.early_stopping = rng.chance(0.5);
      const accuracy = clamp(0.6 + 0.3 * progress + rng.normal(0, 0.03), 0.3, 0.99);
      const precision = clamp(accuracy + rng.normal(0, 0.01), 0, 1);
      const recall = clamp(accuracy + rng.normal(-0.005, 0.01), 0, 1);
      const trainingLoss = (1 - accuracy) * rng.float(1.3, 1.7) + 0.04;
      const durationMs = Math.round(samples * Number(hyperparameters.epochs) * rng.float(0.6, 1.4));
      const id = rng.uuid();
      runIds.push(id);
      insert.run({
        id,
        started_at: new Date(startedAt).toISOString(),
        completed_at: running ? null : new Date(startedAt + durationMs).toISOString(),
        model_type: modelType,
        model_version: version,
        hyperparameters: JSON.stringify(hyperparameters),
        ...runOutcomeColumns(rng, { samples, accuracy, precision, recall, trainingLoss, durationMs, running }),
        feature_set_version: progress < 0.4 ? "fv-1" : progress < 0.8 ? "fv-2" : "fv-3",
        notes: rng.pick(NOTES),
      });
    }
  })();
  insertBenchPredictions(sqlite, rng, runIds.slice(-(options.predictionRuns ?? 3_000)), options.predictionsPerRun ?? 10);
  return { runIds };
}

/** Labelled and unlabelled predictions of `runIds`, each on its own query of one session. */
function insertBenchPredictions(sqlite: Database.Database, rng: Rng, runIds: string[], perRun: number): void {
  const hash = "ab".repeat(32);
  const at = "2026-01-02T00:00:00.000Z";
  const labelledAt = "2026-01-03T00:00:00.000Z";
  const session = sqlite.prepare("INSERT INTO sessions (id, subject_id, started_at) VALUES (?, ?, ?)");
  const query = sqlite.prepare(
    "INSERT INTO queries (id, session_id, timestamp, query_hash, query_length, latency_ms) VALUES (?, ?, ?, ?, 10, 100)",
  );
  const prediction = sqlite.prepare(
    `INSERT INTO model_predictions (id, query_id, model_run_id, predicted_at, prediction, prediction_type, actual_value,
       is_correct, labeled_at) VALUES (?, ?, ?, ?, '"reason"', 'classification', ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    session.run("bench-session", hash, at);
    for (const runId of runIds) {
      for (let p = 0; p < perRun; p++) {
        const queryId = rng.uuid();
        query.run(queryId, "bench-session", at, hash);
        const labelled = rng.chance(0.8);
        const correct = labelled ? (rng.chance(0.8) ? 1 : 0) : null;
        prediction.run(rng.uuid(), queryId, runId, at, labelled ? '"reason"' : null, correct, labelled ? labelledAt : null);
      }
    }
  })();
}
