import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { ADDED_COLUMNS, ACCESS_TABLES, API_TABLES, FEATURE_TABLES, ML_TABLES, PRIVACY_TABLES, V1_TABLES, VIEWS } from "./test-fixtures/design-schema";

let temp: TempDatabase;
beforeAll(() => {
  temp = createTempDatabase();
});
afterAll(async () => {
  await temp.close();
});

type Column = { name: string; type: string; notnull: number; hidden: number };

function columnsOf(name: string): string[] {
  // table_xinfo, not table_info: the A/B success rates are generated columns, which table_info hides.
  return (temp.sqlite.prepare(`PRAGMA table_xinfo(${name})`).all() as Column[]).map((c) => c.name);
}

function objects(type: "table" | "view"): string[] {
  return (
    temp.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name")
      .all(type) as { name: string }[]
  ).map((r) => r.name);
}

describe("the migrated schema", () => {
  it("has the 9 v1 tables, schema_version, the 4 ML tables and the privacy centre's tables, the snapshots table, the access-control tables, the ingestion API's tables, and nothing else", () => {
    expect(objects("table")).toEqual([...Object.keys(V1_TABLES), ...Object.keys(ML_TABLES), ...Object.keys(PRIVACY_TABLES), ...Object.keys(FEATURE_TABLES), ...Object.keys(ACCESS_TABLES), ...Object.keys(API_TABLES)].sort());
  });

  it("has the 3 v1 views and the design document's 3 views", () => {
    expect(objects("view")).toEqual(Object.keys(VIEWS).sort());
  });

  it.each(Object.entries({ ...V1_TABLES, ...ML_TABLES, ...PRIVACY_TABLES, ...FEATURE_TABLES, ...ACCESS_TABLES, ...API_TABLES }))("table %s has every documented column under its documented name", (table, columns) => {
    expect(columnsOf(table)).toEqual(expect.arrayContaining(columns));
  });

  it.each(Object.entries(ADDED_COLUMNS))("table %s has the columns added for later features", (table, columns) => {
    expect(columnsOf(table)).toEqual(expect.arrayContaining(columns));
  });

  it.each(Object.entries(VIEWS))("view %s answers with its documented columns", (view, columns) => {
    const statement = temp.sqlite.prepare(`SELECT * FROM ${view}`);
    expect(statement.columns().map((c) => c.name)).toEqual(expect.arrayContaining(columns));
    expect(statement.all()).toEqual([]);
  });

  it("accepts the design document's own view SQL unchanged (every column it names exists)", () => {
    const sql = fs.readFileSync(path.join(__dirname, "test-fixtures", "design-views.sql"), "utf8");
    temp.sqlite.exec("SAVEPOINT doc_views");
    try {
      temp.sqlite.exec(sql);
      for (const view of ["doc_v_training_data_export", "doc_v_model_performance", "doc_v_feature_importance"]) {
        expect(() => temp.sqlite.prepare(`SELECT * FROM ${view}`).all()).not.toThrow();
      }
    } finally {
      temp.sqlite.exec("ROLLBACK TO doc_views; RELEASE doc_views");
    }
  });
});

describe("indexes", () => {
  /** Columns that lead some index of the table (only the leading column lets SQLite seek on it alone). */
  function leadingIndexedColumns(table: string): Set<string> {
    const indexes = temp.sqlite.prepare(`PRAGMA index_list(${table})`).all() as { name: string }[];
    const leading = indexes.map((index) => {
      const cols = temp.sqlite.prepare(`PRAGMA index_info("${index.name}")`).all() as { seqno: number; name: string }[];
      return cols.find((c) => c.seqno === 0)?.name;
    });
    const pk = (temp.sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string; pk: number }[]).filter((c) => c.pk === 1);
    return new Set([...leading, ...pk.map((c) => c.name)].filter((n): n is string => Boolean(n)));
  }

  const tables = [...Object.keys(V1_TABLES), ...Object.keys(ML_TABLES), ...Object.keys(PRIVACY_TABLES), ...Object.keys(FEATURE_TABLES), ...Object.keys(ACCESS_TABLES), ...Object.keys(API_TABLES)];

  it("cover every foreign-key column", () => {
    const missing = tables.flatMap((table) =>
      (temp.sqlite.prepare(`PRAGMA foreign_key_list(${table})`).all() as { from: string }[])
        .filter((fk) => !leadingIndexedColumns(table).has(fk.from))
        .map((fk) => `${table}.${fk.from}`),
    );
    expect(missing).toEqual([]);
  });

  it("cover every timestamp column and model_version", () => {
    const isTimestamp = (name: string) => name === "timestamp" || name === "date" || name.endsWith("_at");
    const missing = tables.flatMap((table) =>
      columnsOf(table)
        .filter((name) => isTimestamp(name) || name === "model_version")
        .filter((name) => !leadingIndexedColumns(table).has(name))
        .map((name) => `${table}.${name}`),
    );
    expect(missing).toEqual([]);
  });

  it("serve the key look-ups: a query's predictions and a run's predictions are index searches, not scans", () => {
    const plan = (sql: string) => (temp.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join("\n");
    expect(plan("SELECT * FROM model_predictions WHERE model_run_id = 'x'")).toMatch(/SEARCH model_predictions USING (COVERING )?INDEX idx_predictions_\w+ \(model_run_id=\?/);
    expect(plan("SELECT * FROM queries WHERE timestamp > '2026-01-01T00:00:00.000Z'")).toMatch(/SEARCH queries USING INDEX idx_queries_timestamp/);
    expect(plan("SELECT * FROM feature_vectors WHERE query_id = 'x'")).toMatch(/SEARCH feature_vectors USING INDEX idx_feature_vectors_query/);
  });
});
