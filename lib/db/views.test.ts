import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { VALID_ROWS, insertRow } from "./test-fixtures/valid-rows";

// Expected answers below are worked out by hand from the rows this file inserts.
let temp: TempDatabase;
const now = Date.now();
const ago = (days: number) => new Date(now - days * 86_400_000).toISOString();

function hex(n: number): string {
  return n.toString(16).padStart(64, "0");
}

function session(id: string, startedDaysAgo: number) {
  insertRow(temp.sqlite, "sessions", { ...VALID_ROWS.sessions!, id, started_at: ago(startedDaysAgo), ended_at: ago(startedDaysAgo - 0.01) });
}

function query(id: string, sessionId: string, daysAgo: number, extra: Record<string, string | number | null> = {}) {
  insertRow(temp.sqlite, "queries", { ...VALID_ROWS.queries!, id, session_id: sessionId, timestamp: ago(daysAgo), query_hash: hex(id.length * 1000 + id.charCodeAt(id.length - 1)), ...extra });
}

function vector(id: string, queryId: string, features: object | null) {
  insertRow(temp.sqlite, "feature_vectors", { ...VALID_ROWS.feature_vectors!, id, query_id: queryId, features: features && JSON.stringify(features) });
}

function feedback(id: string, queryId: string, minutesAfter: number, type: string, rating: number | null = null) {
  insertRow(temp.sqlite, "feedback", { ...VALID_ROWS.feedback!, id, session_id: "s-now", query_id: queryId, timestamp: new Date(now - 86_400_000 + minutesAfter * 60_000).toISOString(), feedback_type: type, rating });
}

beforeAll(() => {
  temp = createTempDatabase();
  session("s-now", 1);
  session("s-old", 31);
  session("s-edge", 91);

  // Training export: q-one has one thumbs_up; q-two a thumbs_down then a later thumbs_up; q-none no feedback;
  // q-rated an explicit 2-star rating; q-implicit only implicit feedback; q-noemb no vector; the edge queries
  // sit one minute either side of the 90-day boundary.
  for (const id of ["q-one", "q-two", "q-none", "q-rated", "q-implicit", "q-noemb"]) query(id, "s-now", 1);
  query("q-inside", "s-edge", 90 - 1 / 1440);
  query("q-outside", "s-edge", 90 + 1 / 1440);
  for (const id of ["q-one", "q-two", "q-none", "q-rated", "q-implicit", "q-inside", "q-outside"]) vector(`fv-${id}`, id, null);
  feedback("f1", "q-one", 1, "thumbs_up");
  feedback("f2", "q-two", 1, "thumbs_down");
  feedback("f3", "q-two", 5, "thumbs_up");
  feedback("f4", "q-rated", 1, "explicit", 2);
  feedback("f5", "q-implicit", 1, "implicit");

  // Feature importance: two vectors share (10, 1, balanced) with qualities 0.6 and 0.8; one is (20, 2, deep) at
  // 0.5; one is (20, 1, balanced) at 0.9. All four queries rows have the same query_length (42), so grouping by
  // the table's column instead of the JSON feature would merge (10, 1, balanced) with (20, 1, balanced).
  query("qf1", "s-now", 2, { result_quality_score: 0.6 });
  query("qf2", "s-now", 2, { result_quality_score: 0.8 });
  query("qf3", "s-now", 2, { result_quality_score: 0.5 });
  query("qf4", "s-now", 2, { result_quality_score: 0.9 });
  vector("fvf1", "qf1", { query_length: 10, tool_count: 1, profile: "balanced" });
  vector("fvf2", "qf2", { query_length: 10, tool_count: 1, profile: "balanced" });
  vector("fvf3", "qf3", { query_length: 20, tool_count: 2, profile: "deep" });
  vector("fvf4", "qf4", { query_length: 20, tool_count: 1, profile: "balanced" });

  // Model performance: run-a has 4 predictions (2 correct, 1 wrong, 1 unlabelled); run-b has none.
  insertRow(temp.sqlite, "model_training_runs", { ...VALID_ROWS.model_training_runs!, id: "run-a", model_version: "1.0.0", started_at: ago(10), completed_at: ago(9), accuracy: 0.9, f1_score: 0.85 });
  insertRow(temp.sqlite, "model_training_runs", { ...VALID_ROWS.model_training_runs!, id: "run-b", model_version: "1.1.0", started_at: ago(5), completed_at: ago(4) });
  const predictions: [string, number, number | null][] = [["p1", 0.9, 1], ["p2", 0.8, 1], ["p3", 0.7, 0], ["p4", 0.2, null]];
  for (const [id, confidence, isCorrect] of predictions) {
    insertRow(temp.sqlite, "model_predictions", {
      ...VALID_ROWS.model_predictions!, id, query_id: "q-one", model_run_id: "run-a", predicted_at: ago(3), confidence,
      actual_value: isCorrect === null ? null : '"reason"', is_correct: isCorrect, labeled_at: isCorrect === null ? null : ago(2),
    });
  }

  // v1 views: in-window tool calls (2 of 3 succeed) and one 31-day-old call; traces likewise.
  const tool = (id: string, daysAgo: number, success: number, ms: number) =>
    insertRow(temp.sqlite, "tool_usage", { ...VALID_ROWS.tool_usage!, id, session_id: "s-now", query_id: null, timestamp: ago(daysAgo), success, execution_ms: ms, input_size_bytes: 10, output_size_bytes: 100 });
  tool("t1", 1, 1, 100);
  tool("t2", 2, 1, 200);
  tool("t3", 3, 0, 600);
  tool("t-old", 31, 0, 5000);
  const trace = (id: string, daysAgo: number, steps: number, coherence: number) =>
    insertRow(temp.sqlite, "reasoning_traces", { ...VALID_ROWS.reasoning_traces!, id, session_id: "s-now", query_id: null, timestamp: ago(daysAgo), step_count: steps, coherence_score: coherence });
  trace("r1", 1, 4, 0.8);
  trace("r2", 2, 6, 0.6);
  trace("r-old", 40, 100, 0);
});
afterAll(async () => {
  await temp.close();
});

describe("v_training_data_export", () => {
  type ExportRow = { query_id: string; feedback_type: string | null; rating: number | null; feedback_count: number; positive_label: number | null };
  const rows = () => temp.sqlite.prepare("SELECT query_id, feedback_type, rating, feedback_count, positive_label FROM v_training_data_export").all() as ExportRow[];
  const byQuery = () => new Map(rows().map((r) => [r.query_id, r]));

  it("has one row per query even when the query has two feedback rows", () => {
    const ids = rows().map((r) => r.query_id);
    expect(ids.filter((id) => id === "q-two")).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("labels from the latest labelling feedback: thumbs_down then thumbs_up is positive", () => {
    expect(byQuery().get("q-two")).toEqual({ query_id: "q-two", feedback_type: "thumbs_up", rating: null, feedback_count: 2, positive_label: 1 });
    expect(byQuery().get("q-one")?.positive_label).toBe(1);
  });

  it("labels a 2-star rating negative and leaves queries without labelling feedback unlabelled (NULL, not 0)", () => {
    expect(byQuery().get("q-rated")).toMatchObject({ feedback_type: "explicit", rating: 2, positive_label: 0 });
    expect(byQuery().get("q-none")).toMatchObject({ feedback_type: null, feedback_count: 0, positive_label: null });
    // Implicit feedback is counted but never labels.
    expect(byQuery().get("q-implicit")).toMatchObject({ feedback_type: null, feedback_count: 1, positive_label: null });
  });

  it("keeps only queries with an embedding", () => {
    expect(byQuery().has("q-noemb")).toBe(false);
  });

  it("cuts the 90-day window at the exact instant: one minute inside is in, one minute outside is out", () => {
    expect(byQuery().has("q-inside")).toBe(true);
    expect(byQuery().has("q-outside")).toBe(false);
  });

  it("is one row per query where the document's version duplicates queries with two feedback rows", () => {
    const sql = fs.readFileSync(path.join(__dirname, "test-fixtures", "design-views.sql"), "utf8");
    temp.sqlite.exec("SAVEPOINT doc");
    try {
      temp.sqlite.exec(sql);
      const docRows = temp.sqlite.prepare("SELECT query_id FROM doc_v_training_data_export WHERE query_id = 'q-two'").all();
      expect(docRows).toHaveLength(2);
    } finally {
      temp.sqlite.exec("ROLLBACK TO doc; RELEASE doc");
    }
  });
});

describe("v_model_performance", () => {
  it("computes live accuracy over labelled predictions only: 2 correct of 3 labelled", () => {
    const row = temp.sqlite.prepare("SELECT * FROM v_model_performance WHERE model_run_id = 'run-a'").get() as Record<string, number>;
    expect(row.prediction_count).toBe(4);
    expect(row.labelled_count).toBe(3);
    expect(row.accuracy).toBeCloseTo(2 / 3, 12);
    expect(row.avg_confidence).toBeCloseTo((0.9 + 0.8 + 0.7 + 0.2) / 4, 12);
    expect(row.training_accuracy).toBe(0.9);
    expect(row.training_f1).toBe(0.85);
  });

  it("reports a run without predictions with count 0 and no accuracy, newest run first", () => {
    const rows = temp.sqlite.prepare("SELECT model_run_id, prediction_count, accuracy FROM v_model_performance").all();
    expect(rows).toEqual([
      { model_run_id: "run-b", prediction_count: 0, accuracy: null },
      { model_run_id: "run-a", prediction_count: 4, accuracy: expect.closeTo(2 / 3, 12) },
    ]);
  });
});

describe("v_feature_importance", () => {
  it("averages quality per combination of the JSON features, largest group first", () => {
    const rows = temp.sqlite.prepare("SELECT * FROM v_feature_importance").all() as Record<string, unknown>[];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ query_length: 10, tool_count: 1, profile: "balanced", sample_count: 2 });
    expect(rows[0]!.avg_quality).toBeCloseTo(0.7, 12);
    const rest = rows.slice(1).sort((a, b) => Number(a.tool_count) - Number(b.tool_count));
    expect(rest).toEqual([
      { query_length: 20, tool_count: 1, profile: "balanced", avg_quality: 0.9, sample_count: 1 },
      { query_length: 20, tool_count: 2, profile: "deep", avg_quality: 0.5, sample_count: 1 },
    ]);
  });
});

describe("v1 views (30-day windows)", () => {
  it("v_recent_sessions scores thumbs feedback (1 up, 1 down → 0.5) and leaves out sessions older than 30 days", () => {
    const rows = temp.sqlite.prepare("SELECT id, feedback_items, feedback_score FROM v_recent_sessions").all();
    // s-now has five feedback rows: thumbs_up ×2, thumbs_down, explicit, implicit → score (1 + 1 + 0) / 3.
    expect(rows).toEqual([{ id: "s-now", feedback_items: 5, feedback_score: expect.closeTo(2 / 3, 12) }]);
  });

  it("v_tool_performance counts 3 in-window calls, 2 successful, mean 300 ms", () => {
    const row = temp.sqlite.prepare("SELECT * FROM v_tool_performance").get();
    expect(row).toEqual({ tool_name: "web_search", tool_category: "search", invocations: 3, avg_execution_ms: 300, success_rate: expect.closeTo(2 / 3, 12), total_input_bytes: 30, total_output_bytes: 300 });
  });

  it("v_thinktool_stats averages the 2 in-window traces", () => {
    const row = temp.sqlite.prepare("SELECT * FROM v_thinktool_stats").get();
    expect(row).toMatchObject({ thinktool_name: "GigaThink", uses: 2, avg_steps: 5, avg_coherence: expect.closeTo(0.7, 12) });
  });
});

