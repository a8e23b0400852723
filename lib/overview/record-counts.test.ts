import { afterEach, describe, expect, it } from "vitest";
import { insertRow } from "@/lib/db/test-fixtures/valid-rows";
import { insertAbTest, insertPrediction, insertQuery, insertRun, insertSession } from "@/lib/test-support/rows";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { isEmptyDatabase, recordCounts } from "./record-counts";

let temp: TempDatabase | undefined;
afterEach(async () => {
  await temp?.close();
  temp = undefined;
});

const HEX = "ab".repeat(32);

describe("recordCounts", () => {
  it("is all zeros, and so an empty database, right after migration", async () => {
    temp = createTempDatabase();
    const counts = await recordCounts(temp.prisma());
    expect(Object.values(counts).every((count) => count === 0)).toBe(true);
    expect(isEmptyDatabase(counts)).toBe(true);
  });

  it("counts each section's rows, labelled predictions apart from all predictions", async () => {
    temp = createTempDatabase();
    const db = temp.sqlite;
    insertSession(db); // a session with no queries
    const q1 = insertQuery(db, { timestamp: "2026-01-01T00:00:00.000Z" });
    const q2 = insertQuery(db, { timestamp: "2026-01-02T00:00:00.000Z" });
    const a = insertRun(db, { model_type: "classifier", model_version: "1.0.0" });
    const b = insertRun(db, { model_type: "classifier", model_version: "1.1.0" });
    insertRun(db, { model_type: "routing", model_version: "1.0.0" });
    insertPrediction(db, { run_id: a, query_id: q1, is_correct: 1 });
    insertPrediction(db, { run_id: a, query_id: q2, is_correct: 0 });
    insertPrediction(db, { run_id: b, query_id: q2, is_correct: null });
    insertAbTest(db, { status: "running", run_a: a, run_b: b });
    const at = "2026-01-01T00:00:00.000Z";
    insertRow(db, "feature_vectors", { id: "fv", query_id: q1, computed_at: at, embedding: "[1]" });
    for (const id of ["c1", "c2"]) {
      insertRow(db, "privacy_consent", {
        id,
        subject_id: HEX,
        timestamp: at,
        local_telemetry: 1,
        aggregated_sharing: 0,
        community_contribution: 0,
        consent_version: "1",
      });
    }
    for (const id of ["r1", "r2", "r3"]) {
      insertRow(db, "redaction_log", { id, source_table: "queries", source_id: q1, redaction_type: "pii" });
    }

    const counts = await recordCounts(temp.prisma());
    expect(counts).toEqual({
      trainingRuns: 3,
      predictions: 3,
      labelledPredictions: 2,
      abTests: 1,
      featureVectors: 1,
      sessions: 3, // one bare session plus one per query (insertQuery opens its own)
      queries: 2,
      consentRecords: 2,
      redactions: 3,
    });
    expect(isEmptyDatabase(counts)).toBe(false);
  });
});
