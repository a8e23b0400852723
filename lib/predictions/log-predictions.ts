import "server-only";
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { ItemErrors, type BatchRefusal } from "@/lib/api/batch";
import { addTakenIdErrors, givenIds, missingIds } from "@/lib/api/missing-ids";
import { redactionLogRows, writeRedactionLogSync, type RedactionLogRow } from "@/lib/privacy/redaction-log";
import { scrubJsonStrings } from "@/lib/privacy/scrub-json";
import { scrubPii } from "@/lib/privacy/scrub-pii";
import { isoNow } from "@/lib/time";
import { PREDICTIONS_TABLE } from "./ground-truth";
import type { LogPredictionInput } from "./log-predictions-schema";
import { isPredictionCorrect, storedLabel } from "./prediction-value";

export type LogPredictionsResult = { ok: true; written: number; labelled: number; ids: string[]; redacted: string[] } | BatchRefusal;

const INSERT = `INSERT INTO model_predictions
  (id, query_id, model_run_id, predicted_at, prediction, confidence, prediction_type, actual_value, is_correct, labeled_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

function memoize<T>(work: (key: string) => T): (key: string) => T {
  const results = new Map<string, T>();
  return (key) => {
    let result = results.get(key);
    if (result === undefined) results.set(key, (result = work(key)));
    return result;
  };
}

/** Every item's references checked in bulk (one query per table): unknown queries and runs, ids already taken. */
function referenceErrors(sqlite: Database.Database, items: readonly LogPredictionInput[]): ItemErrors {
  const errors = new ItemErrors();
  const unknownQueries = missingIds(sqlite, "queries", items.map((item) => item.queryId));
  const unknownRuns = missingIds(sqlite, "model_training_runs", items.map((item) => item.runId));
  items.forEach((item, index) => {
    if (unknownQueries.has(item.queryId)) errors.add(index, "queryId", `There is no query with the id "${item.queryId}".`);
    if (unknownRuns.has(item.runId)) errors.add(index, "runId", `There is no training run with the id "${item.runId}".`);
  });
  addTakenIdErrors(errors, items, missingIds(sqlite, PREDICTIONS_TABLE, givenIds(items)), "A prediction");
  return errors;
}

/**
 * Writes a validated batch of predictions on a raw connection, inside the caller's transaction (see
 * lib/api/write-route.ts sqliteWrite): references are checked in bulk first and any bad one refuses the whole
 * batch; then every string in each prediction and each actual value is scrubbed for personal data (logged in
 * redaction_log), is_correct is computed from the scrubbed values (never taken from the client), and the rows go
 * in through one prepared statement.
 */
export function logPredictions(sqlite: Database.Database, items: readonly LogPredictionInput[], now: string = isoNow()): LogPredictionsResult {
  const refusal = referenceErrors(sqlite, items).refusal(400, "refused");
  if (refusal) return refusal;
  const insert = sqlite.prepare(INSERT);
  // A batch repeats a handful of labels thousands of times: each distinct value is scrubbed once.
  const scrubPrediction = memoize((json: string) => {
    const scrubbed = scrubJsonStrings(JSON.parse(json) as unknown);
    return { json: JSON.stringify(scrubbed.value), findings: scrubbed.findings };
  });
  const scrubActual = memoize(scrubPii);
  const ids: string[] = new Array(items.length);
  const logRows: RedactionLogRow[] = [];
  let labelled = 0;
  items.forEach((item, index) => {
    const id = item.id ?? randomUUID();
    ids[index] = id;
    const predictedAt = item.predictedAt ?? now;
    const prediction = scrubPrediction(JSON.stringify(item.prediction));
    const predictionJson = prediction.json;
    const findings: { category: string }[] = [...prediction.findings];
    let actualJson: string | null = null;
    let correct: number | null = null;
    let labeledAt: string | null = null;
    if (item.actualValue !== undefined) {
      const actual = scrubActual(item.actualValue);
      findings.push(...actual.findings);
      actualJson = storedLabel(actual.text);
      correct = isPredictionCorrect(item.predictionType, predictionJson, actualJson) ? 1 : 0;
      // labeled_at may not precede predicted_at (a CHECK).
      labeledAt = now > predictedAt ? now : predictedAt;
      labelled++;
    }
    insert.run(id, item.queryId, item.runId, predictedAt, predictionJson, item.confidence ?? null, item.predictionType, actualJson, correct, labeledAt);
    if (findings.length > 0) logRows.push(...redactionLogRows({ sourceTable: PREDICTIONS_TABLE, sourceId: id, findings }, now));
  });
  writeRedactionLogSync(sqlite, logRows);
  return { ok: true, written: items.length, labelled, ids, redacted: [...new Set(logRows.map((row) => row.patternMatched))] };
}
