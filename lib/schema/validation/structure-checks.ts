import type Database from "better-sqlite3";
import { descriptionProblems } from "../description-coverage";
import { quoteIdentifier, type SchemaModel, type TableInfo } from "../introspect";
import { check, type CheckResult } from "./types";

/** Columns that lead some index (SQLite can seek on an index's first column alone), plus a single-column primary key. */
function leadingIndexed(table: TableInfo): Set<string> {
  const leading = table.indexes.map((index) => index.columns[0]);
  const pk = table.columns.filter((c) => c.primaryKey > 0);
  if (pk.length === 1) leading.push(pk[0]!.name);
  return new Set(leading.filter((name): name is string => Boolean(name)));
}

export const isTimestampColumn = (name: string) => name === "timestamp" || name === "date" || name.endsWith("_at");

const isNumeric = (type: string) => /INT|REAL|FLOA|DOUB|NUM|DEC/i.test(type);

const mentions = (expression: string, column: string) => new RegExp(`(^|[^A-Za-z0-9_])${column}([^A-Za-z0-9_]|$)`).test(expression);

export function foreignKeyIndexCheck(schema: SchemaModel): CheckResult {
  const fks = schema.tables.flatMap((t) => t.columns.filter((c) => c.foreignKey).map((c) => ({ table: t, column: c.name })));
  const missing = fks.filter(({ table, column }) => !leadingIndexed(table).has(column)).map(({ table, column }) => `Missing index on foreign key ${table.name}.${column}`);
  return check("fk-indexes", "performance", "Indexes on all foreign keys", missing, [`All ${fks.length} foreign-key columns lead an index.`]);
}

export function timestampIndexCheck(schema: SchemaModel): CheckResult {
  const columns = schema.tables.flatMap((t) => t.columns.filter((c) => isTimestampColumn(c.name)).map((c) => ({ table: t, column: c.name })));
  const missing = columns.filter(({ table, column }) => !leadingIndexed(table).has(column)).map(({ table, column }) => `Missing index on timestamp column ${table.name}.${column}`);
  return check("timestamp-indexes", "performance", "Indexes on timestamp columns", missing, [`All ${columns.length} timestamp columns lead an index.`]);
}

/** Every numeric column that holds data (not a key, not generated) is bounded by some CHECK that names it. */
export function numericCheckConstraintsCheck(schema: SchemaModel): CheckResult {
  const numeric = schema.tables.flatMap((t) =>
    t.columns.filter((c) => isNumeric(c.type) && c.primaryKey === 0 && !c.generated && !c.foreignKey).map((c) => ({ table: t, column: c })),
  );
  const missing = numeric
    .filter(({ table, column }) => column.checks.length === 0 && !table.checks.some((expression) => mentions(expression, column.name)))
    .map(({ table, column }) => `Missing CHECK on numeric column ${table.name}.${column.name} (${column.type})`);
  return check("numeric-checks", "quality", "Check constraints on numeric ranges", missing, [`All ${numeric.length} numeric columns carry a CHECK constraint.`]);
}

/** NOT NULL as the design document's tables declare it (copied from its CREATE TABLE statements). */
export const DOCUMENT_NOT_NULL: Record<string, string[]> = {
  model_training_runs: ["started_at", "model_type", "model_version", "training_samples"],
  feature_vectors: ["query_id", "computed_at", "embedding"],
  model_predictions: ["query_id", "model_run_id", "predicted_at", "prediction", "prediction_type"],
  ab_test_results: ["test_name", "started_at", "variant_a_model", "variant_b_model", "traffic_split"],
};

/**
 * Required means: declared NOT NULL by the design document, a primary key, a column with a default (a value is
 * always meant to be there), or a table's event time (its first timestamp column: when the row happened).
 */
export function notNullCheck(schema: SchemaModel): CheckResult {
  const failures: string[] = [];
  let required = 0;
  for (const table of schema.tables) {
    const eventTime = table.columns.find((c) => isTimestampColumn(c.name))?.name;
    for (const column of table.columns) {
      const reasons = [
        DOCUMENT_NOT_NULL[table.name]?.includes(column.name) && "the design document declares it NOT NULL",
        column.primaryKey > 0 && "it is the primary key",
        column.defaultValue !== null && "it has a default",
        column.name === eventTime && "it is the row's event time",
      ].filter(Boolean);
      if (reasons.length === 0 || column.generated) continue;
      required++;
      // An INTEGER PRIMARY KEY is the rowid, never NULL whatever its declaration says.
      const rowid = column.primaryKey === 1 && column.type.toUpperCase() === "INTEGER";
      if (!column.notNull && !rowid) failures.push(`${table.name}.${column.name} allows NULL, but ${reasons.join(" and ")}`);
    }
  }
  return check("not-null", "quality", "NOT NULL constraints where appropriate", failures, [`All ${required} required columns are NOT NULL.`]);
}

/** Each default satisfies its column's own CHECKs (a default that a CHECK rejects would make every insert fail). */
export function defaultValuesCheck(sqlite: Database.Database, schema: SchemaModel): CheckResult {
  const failures: string[] = [];
  const evaluated: string[] = [];
  for (const table of schema.tables) {
    const defaults = table.columns.filter((c) => c.defaultValue !== null);
    if (defaults.length === 0) continue;
    const row = defaults.map((c) => `${c.defaultValue} AS ${quoteIdentifier(c.name)}`).join(", ");
    for (const column of defaults) {
      for (const expression of column.checks) {
        try {
          const ok = (sqlite.prepare(`SELECT (${expression}) IS NOT 0 AS ok FROM (SELECT ${row})`).get() as { ok: number }).ok;
          if (ok !== 1) failures.push(`Default ${column.defaultValue} of ${table.name}.${column.name} violates CHECK (${expression})`);
        } catch {
          continue; // The CHECK names a column without a default: it is judged on real rows, not here.
        }
      }
      evaluated.push(`${table.name}.${column.name} = ${column.defaultValue}`);
    }
  }
  const abSamples = schema.tables.find((t) => t.name === "ab_test_results")?.columns.filter((c) => /^variant_[ab]_samples$/.test(c.name)) ?? [];
  for (const column of abSamples) if (column.defaultValue !== "0") failures.push(`ab_test_results.${column.name} has no DEFAULT 0 (the design document gives it one)`);
  return check("defaults", "quality", "Default values for optional fields", failures, [`${evaluated.length} columns carry defaults, each satisfying its CHECKs: ${evaluated.join("; ")}`]);
}

export function foreignKeysEnforcedCheck(sqlite: Database.Database, schema: SchemaModel): CheckResult {
  const failures: string[] = [];
  const enabled = sqlite.pragma("foreign_keys", { simple: true });
  if (enabled !== 1) failures.push("PRAGMA foreign_keys is off on the project's connection");
  const violations = sqlite.prepare("PRAGMA foreign_key_check").all() as { table: string; rowid: number; parent: string }[];
  const byTable = new Map<string, number>();
  for (const v of violations) byTable.set(`${v.table} → ${v.parent}`, (byTable.get(`${v.table} → ${v.parent}`) ?? 0) + 1);
  for (const [pair, n] of byTable) failures.push(`PRAGMA foreign_key_check: ${n} orphan rows in ${pair}`);
  const fks = schema.tables.flatMap((t) => t.columns.filter((c) => c.foreignKey).map((c) => ({ table: t.name, column: c.name, rule: c.foreignKey!.onDelete })));
  for (const fk of fks) if (fk.rule === "NO ACTION") failures.push(`${fk.table}.${fk.column} has no explicit ON DELETE rule`);
  return check("fk-enforced", "quality", "Foreign key constraints enforced", failures, [
    "PRAGMA foreign_keys = 1 on the project's connection",
    "PRAGMA foreign_key_check: no orphan rows",
    `All ${fks.length} foreign keys name their ON DELETE rule (${[...new Set(fks.map((f) => f.rule))].join(", ")})`,
  ]);
}

export function integrityCheck(sqlite: Database.Database): CheckResult {
  const result = (sqlite.prepare("PRAGMA quick_check").all() as { quick_check: string }[]).map((r) => r.quick_check);
  return check("integrity", "quality", "SQLite schema validation (PRAGMA quick_check)", result[0] === "ok" ? [] : result.slice(0, 10), ["PRAGMA quick_check: ok"]);
}

export function viewsAnswerCheck(sqlite: Database.Database, schema: SchemaModel): CheckResult {
  const failures: string[] = [];
  const evidence: string[] = [];
  for (const view of schema.views) {
    try {
      const { n } = sqlite.prepare(`SELECT COUNT(*) AS n FROM ${quoteIdentifier(view.name)}`).get() as { n: number };
      evidence.push(`${view.name}: compiles, ${view.columns.length} columns, ${n.toLocaleString("en-US")} rows`);
    } catch (error) {
      failures.push(`View ${view.name} does not compile: ${(error as Error).message}`);
    }
  }
  return check("views-answer", "quality", "Views compile and answer", failures, evidence);
}

export function descriptionsCheck(schema: SchemaModel): CheckResult {
  const columns = schema.tables.reduce((n, t) => n + t.columns.length, 0);
  return check("descriptions", "documentation", "Every table, column, view and index documented", descriptionProblems(schema), [
    `${schema.tables.length} tables, ${columns} columns, ${schema.views.length} views and ${schema.tables.reduce((n, t) => n + t.indexes.filter((i) => i.sql).length, 0)} indexes each have a description`,
  ]);
}
