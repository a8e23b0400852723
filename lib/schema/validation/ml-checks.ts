import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { createPrismaClient } from "@/lib/db/client";
import { embeddingDoubles, insertEmbeddingDoubles } from "@/lib/features/embedding-doubles";
import { exportRowBatches } from "@/lib/features/export-rows";
import { recordGroundTruth } from "@/lib/predictions/ground-truth";
import { analyzeAbTest } from "@/lib/stats/ab-analysis";
import { check, type CheckResult } from "./types";
import type { ThrowawayCopy } from "./throwaway-copy";

const EPOCH = "1970-01-01T00:00:00.000Z";
const hex64 = (seed: string) => seed.repeat(64).slice(0, 64);
const iso = (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString();

function attempt(failures: string[], what: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    failures.push(`${what}: ${(error as Error).message}`);
  }
}

/** A session and query of its own on the copy, so the exercises work on an empty database too. */
function insertQuery(sqlite: Database.Database): string {
  const sessionId = randomUUID();
  const queryId = randomUUID();
  sqlite.prepare("INSERT INTO sessions (id, subject_id, started_at) VALUES (?, ?, ?)").run(sessionId, hex64("a"), iso(-60_000));
  sqlite.prepare("INSERT INTO queries (id, session_id, timestamp, query_hash, query_length, latency_ms) VALUES (?, ?, ?, ?, 42, 120)").run(queryId, sessionId, iso(-50_000), hex64("b"));
  return queryId;
}

export function featureVectorCheck(copy: ThrowawayCopy): CheckResult {
  const failures: string[] = [];
  const evidence: string[] = [];
  const { sqlite } = copy;
  attempt(failures, "The embeddings' float64 copies", () => checkEmbeddingCopies(sqlite, failures, evidence));
  const queryId = insertQuery(sqlite);
  const vectorId = randomUUID();
  attempt(failures, "Storing a feature vector", () => {
    sqlite
      .prepare("INSERT INTO feature_vectors (id, query_id, computed_at, embedding, embedding_model, embedding_dim, features, feature_version) VALUES (?, ?, ?, '[0.1,0.2,0.3,0.4]', 'schema-check', 4, '{\"query_length\":42,\"tool_count\":0}', 'fv-check')")
      .run(vectorId, queryId, iso(-40_000));
    evidence.push("Stored a 4-dimensional feature vector with its features and feature version");
  });
  attempt(failures, "Changing an embedding", () => exerciseStaleCopy(sqlite, vectorId, failures, evidence));
  let rejected = false;
  try {
    sqlite.prepare("INSERT INTO feature_vectors (id, query_id, computed_at, embedding, embedding_dim) VALUES (?, ?, ?, '[0.1,0.2]', 3)").run(randomUUID(), queryId, iso(-40_000));
  } catch {
    rejected = true;
  }
  if (!rejected) failures.push("A vector whose embedding_dim disagrees with its embedding was accepted");
  else evidence.push("A vector whose embedding_dim disagrees with its embedding's length is rejected");
  const versioned = [...exportRowBatches(sqlite, { since: EPOCH, model: "schema-check", featureVersion: "fv-check", labelledOnly: false })].flat();
  if (versioned.length !== 1 || versioned[0]?.query_id !== queryId) failures.push(`Export filtered by feature version fv-check returned ${versioned.length} rows, expected the 1 stored`);
  else evidence.push("Feature versioning: the export filtered by feature version returns exactly the stored vector");
  return check("feature-vectors", "ml", "Feature vectors can be extracted and stored (feature versioning works)", failures, evidence);
}

const COPIES_CHECKED = 20_000;

/**
 * The float64 copies of embeddings (embedding_doubles), which the Parquet export writes instead of parsing the
 * JSON: how many vectors have one, and that each (up to COPIES_CHECKED, in id order) holds exactly its JSON's values.
 */
function checkEmbeddingCopies(sqlite: Database.Database, failures: string[], evidence: string[]): void {
  const { vectors, copies } = sqlite.prepare("SELECT (SELECT COUNT(*) FROM feature_vectors) AS vectors, (SELECT COUNT(*) FROM embedding_doubles) AS copies").get() as { vectors: number; copies: number };
  const rows = sqlite
    .prepare("SELECT fv.id, fv.embedding, d.doubles FROM embedding_doubles d JOIN feature_vectors fv ON fv.id = d.feature_vector_id ORDER BY d.feature_vector_id LIMIT ?")
    .iterate(COPIES_CHECKED) as IterableIterator<{ id: string; embedding: string; doubles: Buffer }>;
  let checked = 0;
  const differing: string[] = [];
  for (const row of rows) {
    checked++;
    if (!Buffer.from(embeddingDoubles(row.embedding)).equals(row.doubles)) differing.push(row.id);
  }
  if (differing.length > 0) failures.push(`${differing.length} embeddings' float64 copies differ from their JSON (the Parquet export would write them): ${differing.slice(0, 5).join(", ")}`);
  evidence.push(
    `${copies.toLocaleString("en-US")} of ${vectors.toLocaleString("en-US")} stored embeddings have their float64 copy (the Parquet export parses the others' JSON; npm run db:migrate writes them); ${checked.toLocaleString("en-US")} checked, each equal to its JSON's values`,
  );
}

/** Gives the stored vector `vectorId` its copy, changes its embedding, and expects the copy gone. */
function exerciseStaleCopy(sqlite: Database.Database, vectorId: string, failures: string[], evidence: string[]): void {
  insertEmbeddingDoubles(sqlite, [{ id: vectorId, embedding: "[0.1,0.2,0.3,0.4]" }]);
  sqlite.prepare("UPDATE feature_vectors SET embedding = '[0.5,0.6,0.7,0.8]' WHERE id = ?").run(vectorId);
  const kept = sqlite.prepare("SELECT COUNT(*) FROM embedding_doubles WHERE feature_vector_id = ?").pluck().get(vectorId) as number;
  if (kept !== 0) failures.push("Changing an embedding kept its float64 copy (trigger trg_embedding_doubles_stale missing?)");
  else evidence.push("Changing an embedding drops its float64 copy (trigger trg_embedding_doubles_stale)");
}

export type ExportTiming = { rows: number; ms: number };

/** Reads the first `samples` rows of the training export (all of them when fewer), timed. */
export function timeTrainingExport(sqlite: Database.Database, samples: number): ExportTiming {
  const start = performance.now();
  let rows = 0;
  for (const batch of exportRowBatches(sqlite, { since: EPOCH, model: null, featureVersion: null, labelledOnly: false })) {
    rows += batch.length;
    if (rows >= samples) break;
  }
  return { rows: Math.min(rows, samples), ms: performance.now() - start };
}

export function trainingExportCheck(copy: ThrowawayCopy): CheckResult {
  const timing = timeTrainingExport(copy.sqlite, 1_000);
  const { n } = copy.sqlite.prepare("SELECT COUNT(*) AS n FROM v_training_data_export").get() as { n: number };
  return check("training-export", "ml", "Training data can be exported", timing.rows === 0 ? ["The training export returned no rows"] : [], [
    `The export (lib/features/export-rows.ts) streamed ${timing.rows.toLocaleString("en-US")} rows; v_training_data_export answers with ${n.toLocaleString("en-US")} rows`,
  ]);
}

/** A run with hyperparameters, a prediction, and its ground truth recorded through the app's own write path. */
export async function predictionLoggingChecks(copy: ThrowawayCopy): Promise<CheckResult[]> {
  const { sqlite } = copy;
  const failures: string[] = [];
  const evidence: string[] = [];
  const redactionFailures: string[] = [];
  const redactionEvidence: string[] = [];
  const queryId = insertQuery(sqlite);
  const runId = randomUUID();
  const predictionId = randomUUID();
  attempt(failures, "Tracking a training run", () => {
    sqlite
      .prepare("INSERT INTO model_training_runs (id, started_at, model_type, model_version, hyperparameters, training_samples) VALUES (?, ?, 'classifier', '999.0.0-schema-check', '{\"learning_rate\":0.001,\"batch_size\":64}', 1000)")
      .run(runId, iso(-30_000));
    const stored = sqlite.prepare("SELECT json_extract(hyperparameters, '$.batch_size') AS batch FROM model_training_runs WHERE id = ?").get(runId) as { batch: number };
    if (stored.batch !== 64) failures.push("Hyperparameters did not round-trip");
    else evidence.push("Tracked a training run with its hyperparameters (JSON, read back)");
    sqlite.prepare("INSERT INTO model_predictions (id, query_id, model_run_id, predicted_at, prediction, confidence, prediction_type) VALUES (?, ?, ?, ?, '\"reason\"', 0.8, 'classification')").run(predictionId, queryId, runId, iso(-20_000));
    evidence.push("Logged a prediction with its confidence");
  });
  if (failures.length === 0) {
    const client = createPrismaClient(copy.url);
    try {
      const result = await recordGroundTruth({ predictionId, actualValue: "reason, reported by jane.doe@example.com" }, client);
      if (!result.ok) failures.push(`Recording ground truth failed: ${result.message}`);
    } finally {
      await client.$disconnect();
    }
    const labelled = sqlite.prepare("SELECT actual_value, is_correct, labeled_at FROM model_predictions WHERE id = ?").get(predictionId) as { actual_value: string | null; is_correct: number | null; labeled_at: string | null };
    if (labelled.is_correct === null || labelled.labeled_at === null) failures.push("Ground truth was not recorded");
    else evidence.push(`Recorded its ground truth (is_correct = ${labelled.is_correct}, labelled at ${labelled.labeled_at})`);
    const performance = sqlite.prepare("SELECT prediction_count, labelled_count, accuracy FROM v_model_performance WHERE model_run_id = ?").get(runId) as { prediction_count: number; labelled_count: number; accuracy: number | null } | undefined;
    if (!performance || performance.labelled_count !== 1) failures.push("v_model_performance does not count the labelled prediction");
    else evidence.push(`Performance measured: v_model_performance shows ${performance.prediction_count} prediction, ${performance.labelled_count} labelled, accuracy ${performance.accuracy}`);

    const logged = sqlite.prepare("SELECT pattern_matched, redaction_type FROM redaction_log WHERE source_table = 'model_predictions' AND source_id = ?").all(predictionId) as { pattern_matched: string; redaction_type: string }[];
    if (labelled.actual_value?.includes("@")) redactionFailures.push("The e-mail address in the ground truth was stored unredacted");
    if (!logged.some((row) => row.pattern_matched === "email")) redactionFailures.push("Recording a label with an e-mail address wrote no redaction_log entry naming the pattern 'email'");
    if (logged.some((row) => row.pattern_matched.includes("@"))) redactionFailures.push("redaction_log stored the matched value instead of the pattern's name");
    redactionEvidence.push(`A label containing an e-mail address was stored redacted and logged: ${logged.map((r) => `${r.redaction_type}/${r.pattern_matched}`).join(", ")}`);
  }
  const { n } = sqlite.prepare("SELECT COUNT(*) AS n FROM redaction_log").get() as { n: number };
  redactionEvidence.push(`redaction_log holds ${n.toLocaleString("en-US")} entries naming patterns, never values`);
  return [
    check("predictions", "ml", "Model predictions can be tracked (runs, hyperparameters, ground truth, performance)", failures, evidence),
    check("redaction-log", "privacy", "Redaction logging functional", failures.length ? ["Not exercised: the prediction write path failed"] : redactionFailures, redactionEvidence),
  ];
}

export function abTestCheck(copy: ThrowawayCopy): CheckResult {
  const { sqlite } = copy;
  const failures: string[] = [];
  const evidence: string[] = [];
  const runs = [randomUUID(), randomUUID()];
  const testId = randomUUID();
  attempt(failures, "Tracking an A/B test's variants", () => {
    runs.forEach((id, i) =>
      sqlite.prepare("INSERT INTO model_training_runs (id, started_at, model_type, model_version, training_samples) VALUES (?, ?, 'routing', ?, 100)").run(id, iso(-90_000), `999.${i}.0-schema-check`),
    );
    sqlite
      .prepare("INSERT INTO ab_test_results (id, test_name, started_at, variant_a_model, variant_b_model, variant_a_run_id, variant_b_run_id, traffic_split, variant_a_samples, variant_b_samples, variant_a_successes, variant_b_successes) VALUES (?, 'schema check', ?, '999.0.0-schema-check', '999.1.0-schema-check', ?, ?, 0.5, 1000, 1000, 600, 650)")
      .run(testId, iso(-80_000), runs[0], runs[1]);
  });
  const tests = sqlite
    .prepare("SELECT test_name, traffic_split, variant_a_samples, variant_b_samples, variant_a_successes, variant_b_successes, variant_a_success_rate, variant_b_success_rate FROM ab_test_results ORDER BY id = ? DESC, started_at DESC LIMIT 3")
    .all(testId) as { test_name: string; traffic_split: number; variant_a_samples: number; variant_b_samples: number; variant_a_successes: number; variant_b_successes: number; variant_a_success_rate: number | null; variant_b_success_rate: number | null }[];
  for (const test of tests) {
    const analysis = analyzeAbTest({
      a: { successes: test.variant_a_successes, samples: test.variant_a_samples },
      b: { successes: test.variant_b_successes, samples: test.variant_b_samples },
      trafficSplit: test.traffic_split,
    });
    const rateOk = test.variant_a_samples === 0 || Math.abs((test.variant_a_success_rate ?? -1) - test.variant_a_successes / test.variant_a_samples) < 1e-12;
    if (!rateOk) failures.push(`${test.test_name}: the generated success rate disagrees with its counts`);
    if (test.variant_a_samples > 0 && test.variant_b_samples > 0 && (analysis.pValue === null || analysis.pValue < 0 || analysis.pValue > 1)) failures.push(`${test.test_name}: no p-value could be computed`);
    evidence.push(`${test.test_name}: A ${test.variant_a_successes}/${test.variant_a_samples}, B ${test.variant_b_successes}/${test.variant_b_samples} → p = ${analysis.pValue === null ? "n/a" : analysis.pValue.toPrecision(3)}, P(B > A) = ${analysis.probabilityBBeatsA.toFixed(3)}`);
  }
  return check("ab-tests", "ml", "A/B tests can be conducted (variants tracked, results compared, significance computed)", failures, evidence);
}
