import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { insertQuery, insertRun } from "@/lib/test-support/rows";
import { auditPii, findingsInStoredValue, textColumnsByTable } from "./pii-audit";

let temp: TempDatabase;
beforeEach(() => {
  temp = createTempDatabase();
});
afterEach(async () => {
  await temp.close();
});

describe("auditPii", () => {
  it("enumerates tables from the live schema, including one created after the migrations", async () => {
    temp.sqlite.exec("CREATE TABLE later_table (id INTEGER PRIMARY KEY, note TEXT, n INTEGER)");
    const columns = await textColumnsByTable(temp.prisma());
    expect(columns.get("later_table")).toEqual(["note"]);
    expect(columns.get("model_training_runs")).toContain("notes");
    expect(columns.get("queries")).toContain("tools_used");
  });

  it("finds nothing in clean rows: ids, hashes, timestamps and versions are not PII", async () => {
    insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.2.3" });
    insertQuery(temp.sqlite, { timestamp: "2026-01-02T03:04:05.000Z" });
    const report = await auditPii(temp.prisma());
    expect(report.hits).toEqual([]);
    expect(report.valuesScanned).toBeGreaterThan(5);
  });

  it("reports the table, column and category of an email written around the scrubber, never the value", async () => {
    const runId = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.2.3" });
    temp.sqlite.prepare("UPDATE model_training_runs SET notes = ? WHERE id = ?").run("ask jane.doe@example.com", runId);
    const queryId = insertQuery(temp.sqlite, { timestamp: "2026-01-02T03:04:05.000Z" });
    temp.sqlite.prepare("UPDATE queries SET tools_used = ? WHERE id = ?").run('["search", "203.0.113.7"]', queryId);
    const report = await auditPii(temp.prisma());
    expect(report.hits).toEqual([
      { table: "model_training_runs", column: "notes", category: "email", count: 1 },
      { table: "queries", column: "tools_used", category: "ipv4", count: 1 },
    ]);
    expect(JSON.stringify(report)).not.toContain("jane.doe");
  });

  it("scans JSON documents string by string, so a value under a secret key is a hit", () => {
    expect(findingsInStoredValue('{"db_password": "opensesame", "epochs": 3}')).toEqual(["secret"]);
    expect(findingsInStoredValue('{"optimizer": "adamw", "lr": 0.001}')).toEqual([]);
    expect(findingsInStoredValue("{not json but mail a@b.io")).toEqual(["email"]);
  });
});

describe("npm run privacy:audit", () => {
  const run = promisify(execFile);
  const audit = (url: string) =>
    run("npx", ["tsx", "--conditions=react-server", "scripts/privacy-audit.ts"], { env: { ...process.env, DATABASE_URL: url } });

  it("exits 0 on a clean database and non-zero naming the table and column after a hit", async () => {
    const runId = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.2.3" });
    const clean = await audit(temp.url);
    expect(clean.stdout).toContain("No personal data or secrets found.");

    temp.sqlite.prepare("UPDATE model_training_runs SET notes = ? WHERE id = ?").run("mail jane.doe@example.com", runId);
    const failed = await audit(temp.url).then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toContain("HIT model_training_runs.notes: email × 1");
    expect(failed?.stdout).not.toContain("jane.doe");
  });
});
