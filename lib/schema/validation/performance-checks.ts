import type Database from "better-sqlite3";
import { quoteIdentifier, type SchemaModel } from "../introspect";
import { timeTrainingExport } from "./ml-checks";
import { check, type CheckResult, type IndexSpeedup } from "./types";

export const AGGREGATION_TARGET_MS = 100;
export const EXPORT_TARGET_MS = 1_000;
export const EXPORT_SAMPLES = 10_000;
export const SPEEDUP_TARGET = 10;
const REPEATS = 5;

/** Median wall time of a statement over a few runs (the first warms the page cache). */
export function medianMs(run: () => unknown, repeats = REPEATS): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const plan = (sqlite: Database.Database, sql: string, params: unknown[]) =>
  (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);

/**
 * The key queries of the dashboard, each with the index it relies on. `{table}` is where NOT INDEXED goes for
 * the run without the index; parameters are taken from the data so the queries select real rows.
 */
type KeyQuery = { name: string; index: string; table: string; sql: string; params: (sqlite: Database.Database) => unknown[] | null };

const one = <T>(sqlite: Database.Database, sql: string): T | undefined => sqlite.prepare(sql).get() as T | undefined;

export const KEY_QUERIES: KeyQuery[] = [
  {
    name: "Predictions of one model version over 7 days",
    index: "idx_predictions_model",
    table: "model_predictions",
    sql: "SELECT COUNT(*), AVG(confidence) FROM model_predictions {table} WHERE model_run_id = ? AND predicted_at >= ?",
    params: (s) => {
      const row = one<{ run: string; latest: string }>(s, "SELECT model_run_id AS run, MAX(predicted_at) AS latest FROM model_predictions GROUP BY model_run_id ORDER BY COUNT(*) DESC LIMIT 1");
      return row ? [row.run, new Date(Date.parse(row.latest) - 7 * 86_400_000).toISOString()] : null;
    },
  },
  {
    name: "A/B test: both variants' predictions in the test window",
    index: "idx_predictions_model",
    table: "model_predictions",
    sql: "SELECT model_run_id, COUNT(*), SUM(is_correct) FROM model_predictions {table} WHERE model_run_id IN (?, ?) AND predicted_at BETWEEN ? AND ? GROUP BY model_run_id",
    params: (s) => {
      const row = one<{ a: string; b: string; started: string; ended: string | null }>(s, "SELECT variant_a_run_id AS a, variant_b_run_id AS b, started_at AS started, ended_at AS ended FROM ab_test_results ORDER BY started_at DESC LIMIT 1");
      return row ? [row.a, row.b, row.started, row.ended ?? "9999-12-31T00:00:00.000Z"] : null;
    },
  },
  {
    name: "Query volume of the last 7 days (overview)",
    index: "idx_queries_timestamp",
    table: "queries",
    sql: "SELECT COUNT(*) FROM queries {table} WHERE timestamp >= ?",
    params: (s) => {
      const row = one<{ latest: string | null }>(s, "SELECT MAX(timestamp) AS latest FROM queries");
      return row?.latest ? [new Date(Date.parse(row.latest) - 7 * 86_400_000).toISOString()] : null;
    },
  },
  {
    name: "Feedback of one query (its training label)",
    index: "idx_feedback_query",
    table: "feedback",
    sql: "SELECT feedback_type, rating FROM feedback {table} WHERE query_id = ?",
    params: (s) => {
      const row = one<{ id: string }>(s, "SELECT query_id AS id FROM feedback WHERE query_id IS NOT NULL ORDER BY id LIMIT 1");
      return row ? [row.id] : null;
    },
  },
  {
    name: "Predictions of one query",
    index: "idx_predictions_query",
    table: "model_predictions",
    sql: "SELECT model_run_id, prediction, confidence FROM model_predictions {table} WHERE query_id = ?",
    params: (s) => {
      const row = one<{ id: string }>(s, "SELECT query_id AS id FROM model_predictions ORDER BY id LIMIT 1");
      return row ? [row.id] : null;
    },
  },
];

/** Times each key query with its index and with the table read NOT INDEXED, on the (grown) copy. */
export function measureSpeedups(sqlite: Database.Database): IndexSpeedup[] {
  return KEY_QUERIES.flatMap((query) => {
    try {
      return measureOne(sqlite, query);
    } catch (error) {
      const message = `could not run: ${(error as Error).message}`;
      return [{ name: query.name, index: query.index, sql: query.sql, rowsInTable: 0, withIndexMs: 0, withoutIndexMs: 0, ratio: 0, planWithIndex: [message], planWithoutIndex: [], passed: false }];
    }
  });
}

function measureOne(sqlite: Database.Database, query: KeyQuery): IndexSpeedup[] {
  const params = query.params(sqlite);
  if (!params) return [];
  const withSql = query.sql.replace("{table}", "");
  const withoutSql = query.sql.replace("{table}", "NOT INDEXED");
  const indexed = sqlite.prepare(withSql);
  const scanned = sqlite.prepare(withoutSql);
  const withIndexMs = medianMs(() => indexed.all(...params));
  const withoutIndexMs = medianMs(() => scanned.all(...params));
  const planWithIndex = plan(sqlite, withSql, params);
  const ratio = withoutIndexMs / Math.max(withIndexMs, 0.001);
  const { n } = sqlite.prepare(`SELECT COUNT(*) AS n FROM ${quoteIdentifier(query.table)}`).get() as { n: number };
  const usesIndex = planWithIndex.some((line) => line.includes(query.index));
  return [{
    name: query.name,
    index: query.index,
    sql: withSql.replace(/\s+/g, " "),
    rowsInTable: n,
    withIndexMs,
    withoutIndexMs,
    ratio,
    planWithIndex,
    planWithoutIndex: plan(sqlite, withoutSql, params),
    passed: usesIndex && ratio >= SPEEDUP_TARGET,
  }];
}

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;

export function speedupCheck(speedups: IndexSpeedup[]): CheckResult {
  const failures = speedups
    .filter((s) => !s.passed)
    .map((s) => s.planWithIndex.some((line) => line.includes(s.index))
      ? `${s.name}: only ${s.ratio.toFixed(1)}× faster with ${s.index} (${ms(s.withIndexMs)} vs ${ms(s.withoutIndexMs)})`
      : `${s.name}: the plan does not use ${s.index} (${s.planWithIndex.join("; ")})`);
  if (speedups.length === 0) failures.push("No key query could be measured: the database has no rows to select");
  return check("index-speedup", "performance", `Indexes reduce query time by ${SPEEDUP_TARGET}×+`, failures, speedups.map((s) => `${s.name}: ${s.ratio.toFixed(0)}× (${ms(s.withIndexMs)} with ${s.index}, ${ms(s.withoutIndexMs)} without, ${s.rowsInTable.toLocaleString("en-US")} rows)`));
}

/** Aggregations behind the dashboard's pages: the v1 and ML views and the per-day trends. */
export const AGGREGATIONS: { name: string; sql: string }[] = [
  { name: "Live vs training metrics per run (v_model_performance)", sql: "SELECT * FROM v_model_performance" },
  { name: "Tool performance, 30 days (v_tool_performance)", sql: "SELECT * FROM v_tool_performance" },
  { name: "ThinkTool statistics, 30 days (v_thinktool_stats)", sql: "SELECT * FROM v_thinktool_stats" },
  { name: "Recent sessions with feedback (v_recent_sessions)", sql: "SELECT * FROM v_recent_sessions" },
  { name: "Feature combinations by quality (v_feature_importance)", sql: "SELECT * FROM v_feature_importance" },
  { name: "Queries, latency and errors per day, 30 days", sql: "SELECT substr(timestamp, 1, 10) AS day, COUNT(*), AVG(latency_ms), AVG(error_occurred) FROM queries WHERE timestamp >= strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-30 days') GROUP BY day" },
  { name: "Accuracy per day of the busiest version (drift)", sql: "SELECT substr(predicted_at, 1, 10), COUNT(is_correct), SUM(is_correct) FROM model_predictions WHERE model_run_id = (SELECT model_run_id FROM model_predictions GROUP BY model_run_id ORDER BY COUNT(*) DESC LIMIT 1) GROUP BY model_run_id, substr(predicted_at, 1, 10)" },
];

export function aggregationCheck(sqlite: Database.Database): CheckResult {
  const failures: string[] = [];
  const evidence: string[] = [];
  for (const aggregation of AGGREGATIONS) {
    try {
      const time = medianMs(() => sqlite.prepare(aggregation.sql).all(), 3);
      evidence.push(`${aggregation.name}: ${ms(time)}`);
      if (time >= AGGREGATION_TARGET_MS) failures.push(`${aggregation.name}: ${ms(time)}, over the ${AGGREGATION_TARGET_MS} ms target`);
    } catch (error) {
      failures.push(`${aggregation.name} failed: ${(error as Error).message}`);
    }
  }
  return check("aggregation-time", "performance", `Aggregation queries optimized (< ${AGGREGATION_TARGET_MS} ms)`, failures, evidence);
}

const EXPORT_VIEWS = new Set(["v_training_data_export", "v_training_example_source"]);

export function viewsEfficientCheck(sqlite: Database.Database, schema: SchemaModel): CheckResult {
  const failures: string[] = [];
  const evidence: string[] = [];
  for (const view of schema.views) {
    // The export views compute every training example (v_training_data_export with its embedding), so they are
    // held to the export target; the others are aggregations. The triggers read v_training_example_source one
    // query at a time; the export itself reads its materialisation, training_examples.
    const target = EXPORT_VIEWS.has(view.name) ? EXPORT_TARGET_MS : AGGREGATION_TARGET_MS;
    try {
      const statement = sqlite.prepare(`SELECT * FROM ${quoteIdentifier(view.name)}`).raw();
      let rows = 0;
      const time = medianMs(() => {
        rows = 0;
        const iterator = statement.iterate();
        while (!iterator.next().done) rows++;
      }, 1);
      const line = `${view.name}: ${rows.toLocaleString("en-US")} rows in ${ms(time)} (target < ${ms(target)})`;
      (time < target ? evidence : failures).push(line);
    } catch (error) {
      failures.push(`${view.name} does not compile: ${(error as Error).message}`);
    }
  }
  return check("views-efficient", "performance", "Views are efficient", failures, evidence);
}

export function exportTimeCheck(sqlite: Database.Database): CheckResult {
  const timing = timeTrainingExport(sqlite, EXPORT_SAMPLES);
  const failures: string[] = [];
  if (timing.rows < EXPORT_SAMPLES) failures.push(`Only ${timing.rows.toLocaleString("en-US")} exportable samples on the copy, fewer than ${EXPORT_SAMPLES.toLocaleString("en-US")}`);
  if (timing.ms >= EXPORT_TARGET_MS) failures.push(`Export of ${timing.rows.toLocaleString("en-US")} samples took ${ms(timing.ms)}, over the ${ms(EXPORT_TARGET_MS)} target`);
  return check("export-time", "performance", `Training data export < 1 s for ${EXPORT_SAMPLES.toLocaleString("en-US")} samples`, failures, [
    `Exported ${timing.rows.toLocaleString("en-US")} samples (with embeddings) in ${ms(timing.ms)}`,
  ]);
}
