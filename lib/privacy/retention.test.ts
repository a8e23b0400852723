import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { insertQuery, insertSession } from "@/lib/test-support/rows";
import { applyRetention, planRetention, retentionPolicy } from "./retention";

let temp: TempDatabase;
beforeEach(() => {
  temp = createTempDatabase();
});
afterEach(async () => {
  await temp.close();
});

const NOW = new Date("2026-06-01T00:00:00.000Z");
const count = (table: string) => (temp.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const SUBJECT = "c".repeat(64);

function consent(id: string, timestamp: string) {
  temp.sqlite
    .prepare(
      "INSERT INTO privacy_consent (id, subject_id, timestamp, local_telemetry, aggregated_sharing, community_contribution, consent_version) VALUES (?, ?, ?, 1, 0, 0, 'v1')",
    )
    .run(id, SUBJECT, timestamp);
}

describe("retention", () => {
  it("defaults to 90 days per table, overridable for all tables or one", () => {
    expect(retentionPolicy({}).queries).toBe(90);
    expect(retentionPolicy({ RALL_RETENTION_DAYS: "30" }).feedback).toBe(30);
    const policy = retentionPolicy({ RALL_RETENTION_DAYS: "30", RALL_RETENTION_DAYS_REDACTION_LOG: "365" });
    expect([policy.sessions, policy.redaction_log]).toEqual([30, 365]);
    expect(retentionPolicy({ RALL_RETENTION_DAYS: "zero" }).sessions).toBe(90);
  });

  it("deletes rows past their period with everything that hangs off them, keeps the rest and the current consent", async () => {
    // 2026-03-03 is exactly 90 days before NOW.
    const oldSession = insertSession(temp.sqlite, { started_at: "2026-02-01T00:00:00.000Z" });
    const queryInOldSession = insertQuery(temp.sqlite, { timestamp: "2026-05-30T00:00:00.000Z", session_id: oldSession });
    const recentSession = insertSession(temp.sqlite, { started_at: "2026-05-01T00:00:00.000Z" });
    const oldQuery = insertQuery(temp.sqlite, { timestamp: "2026-03-02T23:59:59.999Z", session_id: recentSession });
    const keptQuery = insertQuery(temp.sqlite, { timestamp: "2026-03-03T00:00:00.000Z", session_id: recentSession });
    temp.sqlite
      .prepare("INSERT INTO feedback (id, session_id, query_id, timestamp, feedback_type) VALUES ('f-old-query', ?, ?, '2026-05-02T00:00:00.000Z', 'thumbs_up')")
      .run(recentSession, oldQuery);
    temp.sqlite
      .prepare("INSERT INTO redaction_log (id, timestamp, source_table, source_id, redaction_type) VALUES ('rl-1', '2026-05-30T00:00:00.000Z', 'queries', ?, 'pii')")
      .run(queryInOldSession);
    consent("c-old", "2026-01-01T00:00:00.000Z");
    consent("c-older-current", "2026-01-02T00:00:00.000Z");

    const plan = await planRetention(temp.prisma(), { now: NOW, policy: retentionPolicy({}) });
    expect(Object.fromEntries(plan.map((row) => [row.table, row.expiring]))).toMatchObject({
      sessions: 1,
      queries: 2,
      feedback: 1,
      privacy_consent: 1,
    });
    expect(count("queries")).toBe(3);

    const deleted = await applyRetention(temp.prisma(), { now: NOW, policy: retentionPolicy({}) });
    expect(deleted).toMatchObject({ sessions: 1, queries: 2, feedback: 1, privacy_consent: 1, redaction_log: 1 });
    expect(temp.sqlite.prepare("SELECT id FROM queries").pluck().all()).toEqual([keptQuery]);
    expect(temp.sqlite.prepare("SELECT id FROM privacy_consent").pluck().all()).toEqual(["c-older-current"]);
    expect(count("redaction_log")).toBe(0);
    expect((await planRetention(temp.prisma(), { now: NOW })).every((row) => row.expiring === 0)).toBe(true);
  });
});
