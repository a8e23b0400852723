import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { ALL_TABLES, type TableName } from "./tables";

/** Test support: a fixed HMAC key and per-table digests of a database's contents. */
export const TEST_KEY = Buffer.from("5eed".repeat(16), "hex");
export const TEST_ANCHOR = "2026-11-27T12:00:00.000Z";

const ORDER_BY: Readonly<Record<TableName, string>> = {
  schema_version: "version",
  daily_aggregates: "date",
  query_clusters: "id",
  sessions: "id",
  queries: "id",
  feedback: "id",
  tool_usage: "id",
  reasoning_traces: "id",
  privacy_consent: "id",
  redaction_log: "id",
  model_training_runs: "id",
  feature_vectors: "id",
  model_predictions: "id",
  ab_test_results: "id",
};

/**
 * SHA-256 of every row of every table, in primary-key order. schema_version's applied_at is left out: the
 * migration stamps it with the time it ran, which is not seed data.
 */
export function tableDigests(db: Database.Database): Record<TableName, string> {
  const digests = {} as Record<TableName, string>;
  for (const table of ALL_TABLES) {
    const columns = table === "schema_version" ? "version, description" : "*";
    const hash = createHash("sha256");
    for (const row of db.prepare(`SELECT ${columns} FROM ${table} ORDER BY ${ORDER_BY[table]}`).iterate()) {
      hash.update(JSON.stringify(row));
      hash.update("\n");
    }
    digests[table] = hash.digest("hex");
  }
  return digests;
}
