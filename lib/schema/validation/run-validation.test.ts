import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/lib/seed/seed";
import { TEST_ANCHOR, TEST_KEY } from "@/lib/seed/test-helpers";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { validateSchema } from "./run-validation";
import type { CheckResult, ValidationReport } from "./types";

/** Checks judged by wall-clock time: the tests look at what they measured, never at whether it was fast enough. */
const TIMED = ["index-speedup", "aggregation-time", "views-efficient", "export-time"];

const opened: TempDatabase[] = [];
function seeded(size: "demo" | "small"): TempDatabase {
  const temp = createTempDatabase();
  opened.push(temp);
  seedDatabase(temp.sqlite, { size, seed: 1, anchor: TEST_ANCHOR, key: TEST_KEY });
  return temp;
}
afterAll(async () => {
  for (const temp of opened) await temp.close();
});

const byId = (report: ValidationReport, id: string): CheckResult => report.checks.find((c) => c.id === id)!;

describe("validateSchema on the seeded demo database", () => {
  let temp: TempDatabase;
  let report: ValidationReport;
  let before: string;
  beforeAll(async () => {
    temp = seeded("demo");
    before = JSON.stringify(temp.sqlite.prepare("SELECT (SELECT COUNT(*) FROM queries) q, (SELECT COUNT(*) FROM model_predictions) p, (SELECT COUNT(*) FROM redaction_log) r").get());
    report = await validateSchema(temp.sqlite, { timingQueries: 20_000 });
  }, 300_000);

  it("passes every check that does not depend on the machine's speed, in each of the document's groups", () => {
    const failed = report.checks.filter((c) => !TIMED.includes(c.id) && !c.passed).map((c) => `${c.item}: ${c.evidence.join("; ")}`);
    expect(failed).toEqual([]);
    expect(new Set(report.checks.map((c) => c.group))).toEqual(new Set(["privacy", "ml", "performance", "quality", "documentation"]));
  });

  it("times each key query with its index used and with a full scan, on the copy", () => {
    expect(report.speedups.map((s) => s.index)).toEqual(["idx_predictions_model", "idx_predictions_model", "idx_queries_timestamp", "idx_feedback_query", "idx_predictions_query"]);
    for (const s of report.speedups) {
      expect(s.planWithIndex.join("\n")).toMatch(new RegExp(`SEARCH \\w+ USING (COVERING )?INDEX ${s.index}`));
      expect(s.planWithoutIndex[0]).toMatch(/^SCAN \w+$/);
      expect(s.ratio).toBeCloseTo(s.withoutIndexMs / s.withIndexMs, 6);
      expect(s.rowsInTable).toBeGreaterThan(0);
    }
    expect(report.speedups.find((s) => s.index === "idx_queries_timestamp")!.rowsInTable).toBe(20_000);
    for (const id of TIMED) expect(byId(report, id).evidence.join("\n")).toMatch(/\d ms/);
  });

  it("exercises the ML write paths on a throw-away copy and leaves the live database untouched", () => {
    expect(byId(report, "predictions").evidence.join("\n")).toMatch(/1 labelled/);
    expect(byId(report, "redaction-log").evidence[0]).toMatch(/pii\/email/);
    expect(byId(report, "ab-tests").evidence[0]).toBe("schema check: A 600/1000, B 650/1000 → p = 0.0208, P(B > A) = 0.990");
    const vectors = temp.sqlite.prepare("SELECT COUNT(*) FROM feature_vectors").pluck().get() as number;
    const count = vectors.toLocaleString("en-US");
    expect(byId(report, "feature-vectors").evidence).toContain(
      `${count} of ${count} stored embeddings have their float64 copy (the Parquet export parses the others' JSON; npm run db:migrate writes them); ${count} checked, each equal to its JSON's values`,
    );
    expect(byId(report, "feature-vectors").evidence).toContain("Changing an embedding drops its float64 copy (trigger trg_embedding_doubles_stale)");
    expect(JSON.stringify(temp.sqlite.prepare("SELECT (SELECT COUNT(*) FROM queries) q, (SELECT COUNT(*) FROM model_predictions) p, (SELECT COUNT(*) FROM redaction_log) r").get())).toBe(before);
  });
});

describe("validateSchema on broken copies", () => {
  it("fails naming the vector whose float64 copy differs from its JSON, and when an embedding change keeps its copy", async () => {
    const temp = seeded("small");
    const { id, doubles } = temp.sqlite.prepare("SELECT feature_vector_id AS id, doubles FROM embedding_doubles ORDER BY feature_vector_id LIMIT 1 OFFSET 3").get() as { id: string; doubles: Buffer };
    doubles[0]! ^= 1; // the last bit of the first double's mantissa
    temp.sqlite.prepare("UPDATE embedding_doubles SET doubles = ? WHERE feature_vector_id = ?").run(doubles, id);
    temp.sqlite.exec("DROP TRIGGER trg_embedding_doubles_stale");
    const report = await validateSchema(temp.sqlite, { timingQueries: 0 });
    expect(byId(report, "feature-vectors").passed).toBe(false);
    expect(byId(report, "feature-vectors").evidence).toEqual(
      expect.arrayContaining([
        `1 embeddings' float64 copies differ from their JSON (the Parquet export would write them): ${id}`,
        "Changing an embedding kept its float64 copy (trigger trg_embedding_doubles_stale missing?)",
      ]),
    );
  }, 120_000);

  it("fails naming the foreign-key column when its index is dropped", async () => {
    const temp = seeded("small");
    // Both indexes that lead with feedback.query_id: the foreign key's own and the export's covering one.
    temp.sqlite.exec("DROP INDEX idx_feedback_query; DROP INDEX idx_feedback_query_latest");
    const report = await validateSchema(temp.sqlite, { timingQueries: 0 });
    expect(report.passed).toBe(false);
    expect(byId(report, "fk-indexes")).toMatchObject({ passed: false, evidence: ["Missing index on foreign key feedback.query_id"] });
    expect(byId(report, "index-speedup").evidence.join("\n")).toContain("Feedback of one query (its training label): the plan does not use idx_feedback_query (SCAN feedback)");
  }, 120_000);

  it("fails naming the column when a table is rebuilt without one of its CHECKs", async () => {
    const temp = seeded("small");
    const sql = (temp.sqlite.prepare("SELECT sql FROM sqlite_schema WHERE name = 'tool_usage'").get() as { sql: string }).sql;
    const indexes = (temp.sqlite.prepare("SELECT sql FROM sqlite_schema WHERE tbl_name = 'tool_usage' AND type = 'index' AND sql IS NOT NULL").all() as { sql: string }[]).map((r) => r.sql);
    // SQLite's documented table rebuild; legacy_alter_table keeps RENAME from re-checking the views on tool_usage.
    temp.sqlite.pragma("foreign_keys = OFF");
    temp.sqlite.pragma("legacy_alter_table = ON");
    temp.sqlite.exec(`
      ${sql.replace("CREATE TABLE tool_usage", "CREATE TABLE tool_usage_new").replace(" CHECK (execution_ms >= 0)", "")};
      INSERT INTO tool_usage_new SELECT * FROM tool_usage;
      DROP TABLE tool_usage;
      ALTER TABLE tool_usage_new RENAME TO tool_usage;
      ${indexes.join(";\n")};`);
    temp.sqlite.pragma("legacy_alter_table = OFF");
    temp.sqlite.pragma("foreign_keys = ON");
    const report = await validateSchema(temp.sqlite, { timingQueries: 0 });
    expect(report.passed).toBe(false);
    expect(byId(report, "numeric-checks")).toMatchObject({ passed: false, evidence: ["Missing CHECK on numeric column tool_usage.execution_ms (INTEGER)"] });
  }, 120_000);

  it("fails naming the view when a view no longer compiles", async () => {
    const temp = seeded("small");
    temp.sqlite.exec("DROP VIEW v_thinktool_stats; CREATE VIEW v_thinktool_stats AS SELECT thinktool_name, no_such_column FROM reasoning_traces");
    const report = await validateSchema(temp.sqlite, { timingQueries: 0 });
    expect(report.passed).toBe(false);
    expect(byId(report, "views-answer").evidence).toEqual(["View v_thinktool_stats does not compile: no such column: no_such_column"]);
  }, 120_000);

  it("npm run db:check exits 1 and prints the missing index", () => {
    const temp = seeded("small");
    temp.sqlite.exec("DROP INDEX idx_predictions_query");
    let output = "";
    let status = 0;
    try {
      execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/db-check.ts"], { env: { ...process.env, DATABASE_URL: temp.url }, encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      const failure = error as { status: number; stdout: string };
      status = failure.status;
      output = failure.stdout;
    }
    expect(status).toBe(1);
    expect(output).toMatch(/FAIL {2}Indexes on all foreign keys\n {8}Missing index on foreign key model_predictions\.query_id/);
    expect(output).toMatch(/checks FAILED\./);
  }, 180_000);
});
