import { describe, expect, it } from "vitest";
import { readMigrationFiles } from "@/lib/db/migrator";
import { checkExpressions, parseTableChecks, tableDefinitions } from "./check-constraints";

const initSql = readMigrationFiles()[0]!.sql;
const createTable = (name: string) => initSql.slice(initSql.indexOf(`CREATE TABLE ${name} (`)).split(/\n\);/)[0] + "\n);";

describe("parseTableChecks", () => {
  it("cuts the init migration's 20-line semver CHECK out whole, across nested parentheses, GLOB brackets and comments", () => {
    const checks = parseTableChecks(createTable("model_training_runs"));
    const semver = checks.columns.get("model_version")!;
    expect(semver).toHaveLength(1);
    expect(semver[0]).toMatch(/^model_version NOT GLOB '\*\[\^0-9A-Za-z\.\+-\]\*'/);
    expect(semver[0]).toMatch(/NOT GLOB '\*\+\*\+\*'\)\)$/);
    expect(checks.columns.get("hyperparameters")).toEqual(["json_valid(hyperparameters) AND json_type(hyperparameters) = 'object'"]);
    expect(checks.table).toEqual(["completed_at IS NULL OR completed_at >= started_at"]);
  });

  it("separates column CHECKs from table CHECKs and keeps a multi-line table CHECK in one piece", () => {
    const checks = parseTableChecks(createTable("ab_test_results"));
    expect(checks.table).toHaveLength(4);
    expect(checks.table[3]).toMatch(/^\(status = 'running' AND .* decision_reason IS NOT NULL\)$/);
    expect(checks.columns.get("variant_a_successes")).toEqual(["variant_a_successes >= 0 AND variant_a_successes <= variant_a_samples"]);
    expect(checks.columns.get("variant_a_success_rate")).toEqual([]);
  });

  it("does not split on commas or stop at parentheses inside strings and comments", () => {
    const sql = `CREATE TABLE t (
      a TEXT CHECK (a IN ('x, y', ')(')), -- a comment, with (a paren
      "b c" INTEGER CHECK (b > 0) CHECK (b < 10),
      CONSTRAINT pair CHECK (a <> 'b')
    )`;
    expect(tableDefinitions(sql)).toHaveLength(3);
    const checks = parseTableChecks(sql);
    expect(checks.columns.get("a")).toEqual(["a IN ('x, y', ')(')"]);
    expect(checks.columns.get("b c")).toEqual(["b > 0", "b < 10"]);
    expect(checks.table).toEqual(["a <> 'b'"]);
    expect(checkExpressions("x INTEGER")).toEqual([]);
  });
});
