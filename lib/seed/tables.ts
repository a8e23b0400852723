import type Database from "better-sqlite3";

/**
 * The data tables, children before parents: the order in which rows can be deleted without breaking a foreign
 * key (model runs are ON DELETE RESTRICT, so predictions and A/B tests must go first). schema_version is not in
 * the list: it is the migration's bookkeeping and stays. The privacy centre's tables (deletion requests, the
 * privacy-budget ledger, the daily aggregates' fingerprints) are not seeded but are reset with the rest.
 */
export const DATA_TABLES_DELETE_ORDER = [
  "api_idempotency_keys",
  "run_tags",
  "deletion_requests",
  "privacy_budget_ledger",
  "daily_aggregate_sources",
  "model_predictions",
  "training_examples",
  "embedding_doubles",
  "feature_vectors",
  "ab_test_results",
  "redaction_log",
  "reasoning_traces",
  "tool_usage",
  "feedback",
  "queries",
  "sessions",
  "model_training_runs",
  "training_data_snapshots",
  "privacy_consent",
  "query_clusters",
  "daily_aggregates",
] as const;

/**
 * Access control's tables (issue 8): users, their sessions, API keys. They are not data: the seeder neither fills
 * them nor counts them when it asks whether the database is empty, and `--reset` keeps them, so reseeding the
 * demo data never locks the team out (nor re-opens the first-admin setup page to whoever comes next).
 */
export const ACCESS_TABLES = ["api_keys", "user_sessions", "users"] as const;

/** All 13 tables of the schema, in the order the summary prints them. */
export const ALL_TABLES = [
  "schema_version",
  "sessions",
  "queries",
  "feedback",
  "tool_usage",
  "reasoning_traces",
  "daily_aggregates",
  "query_clusters",
  "privacy_consent",
  "redaction_log",
  "model_training_runs",
  "feature_vectors",
  "model_predictions",
  "ab_test_results",
] as const;

export type TableName = (typeof ALL_TABLES)[number];

export function tableCounts(db: Database.Database): Record<TableName, number> {
  return Object.fromEntries(
    ALL_TABLES.map((table) => [table, db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number]),
  ) as Record<TableName, number>;
}

/** Data tables that hold at least one row (schema_version aside). */
export function nonEmptyDataTables(db: Database.Database): string[] {
  return DATA_TABLES_DELETE_ORDER.filter((table) => db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 1);
}

/**
 * Deletes every row of every data table in one transaction, and restarts query_clusters' AUTOINCREMENT counter
 * so a reseed numbers its rows exactly as a fresh database would.
 */
export function resetDatabase(db: Database.Database): void {
  db.transaction(() => {
    for (const table of DATA_TABLES_DELETE_ORDER) db.prepare(`DELETE FROM ${table}`).run();
    const hasSequence = db.prepare("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence')").pluck().get() === 1;
    if (hasSequence) db.prepare("DELETE FROM sqlite_sequence WHERE name = 'query_clusters'").run();
  }).immediate();
}
