import { afterEach, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { redactionTypeOf, writeRedactionLog } from "./redaction-log";
import { scrubPii } from "./scrub-pii";

let temp: TempDatabase | undefined;
afterEach(async () => {
  await temp?.close();
  temp = undefined;
});

type LogRow = { id: string; timestamp: string; source_table: string; source_id: string; redaction_type: string; pattern_matched: string };
const logRows = (db: TempDatabase) =>
  db.sqlite.prepare("SELECT * FROM redaction_log ORDER BY rowid").all() as LogRow[];

describe("writeRedactionLog", () => {
  it("writes one row per category found, typed pii or sensitive, naming the pattern and never the value", async () => {
    temp = createTempDatabase();
    const text = "Mail jane@example.com or bob@example.org, password=hunter22, from 203.0.113.9";
    const { findings } = scrubPii(text);
    expect(findings.map((f) => f.category)).toEqual(["email", "email", "secret", "ipv4"]);

    const written = await temp.prisma().$transaction((tx) =>
      writeRedactionLog(tx, { sourceTable: "model_training_runs", sourceId: "run-1", findings }),
    );

    expect(written).toBe(3);
    const rows = logRows(temp);
    expect(rows.map((row) => [row.source_table, row.source_id, row.redaction_type, row.pattern_matched])).toEqual([
      ["model_training_runs", "run-1", "pii", "email"],
      ["model_training_runs", "run-1", "sensitive", "secret"],
      ["model_training_runs", "run-1", "pii", "ipv4"],
    ]);
    const stored = JSON.stringify(rows);
    for (const secret of ["jane@example.com", "bob@example.org", "hunter22", "203.0.113.9"]) expect(stored).not.toContain(secret);
    for (const row of rows) expect(row.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("writes nothing when nothing was found", async () => {
    temp = createTempDatabase();
    expect(await temp.prisma().$transaction((tx) => writeRedactionLog(tx, { sourceTable: "t", sourceId: "1", findings: [] }))).toBe(0);
    expect(logRows(temp)).toEqual([]);
  });

  it("rolls back with the transaction it was written in", async () => {
    temp = createTempDatabase();
    const client = temp.prisma();
    await expect(
      client.$transaction(async (tx) => {
        await writeRedactionLog(tx, { sourceTable: "t", sourceId: "1", findings: [{ category: "email" }] });
        throw new Error("the row write failed");
      }),
    ).rejects.toThrow("the row write failed");
    expect(logRows(temp)).toEqual([]);
  });

  it("types secrets and keys as sensitive, personal data as pii, unknown patterns as custom", () => {
    expect(["email", "phone", "credit_card", "iban", "us_ssn", "ipv4", "ipv6", "home_path"].map(redactionTypeOf)).toEqual(Array(8).fill("pii"));
    expect(
      ["aws_access_key", "github_token", "slack_token", "stripe_key", "jwt", "private_key", "url_credentials", "secret"].map(redactionTypeOf),
    ).toEqual(Array(8).fill("sensitive"));
    expect(redactionTypeOf("internal_hostname")).toBe("custom");
  });
});
