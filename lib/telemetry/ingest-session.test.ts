import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashQueryText } from "@/lib/privacy/query-hash";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { ingestSession } from "./ingest-session";

const KEY = Buffer.from("ab".repeat(32), "hex");
const SUBJECT = "1".repeat(64);

let temp: TempDatabase;
beforeEach(() => {
  temp = createTempDatabase();
});
afterEach(async () => {
  await temp.close();
});

function consent(localTelemetry: 0 | 1, timestamp: string) {
  temp.sqlite
    .prepare(
      "INSERT INTO privacy_consent (id, subject_id, timestamp, local_telemetry, aggregated_sharing, community_contribution, consent_version) VALUES (?, ?, ?, ?, 0, 0, 'v2')",
    )
    .run(randomUUID(), SUBJECT, timestamp, localTelemetry);
}

const body = () => ({
  session: { id: randomUUID(), subjectId: SUBJECT, startedAt: "2026-03-01T10:00:00.000Z", clientVersion: "1.4.2" },
  queries: [
    {
      id: randomUUID(),
      timestamp: "2026-03-01T10:00:01.000Z",
      text: "Why does  jane@example.com get 500s?",
      latencyMs: 420,
      queryType: "reason" as const,
      errorCategory: "timeout calling 203.0.113.9",
      toolsUsed: ["web_search", "/home/jane/notes.md"],
    },
  ],
});

const count = (table: string) => (temp.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe("ingestSession", () => {
  it("refuses a subject with no consent record, or whose latest consent withdrew local telemetry, storing nothing", async () => {
    expect(await ingestSession(temp.prisma(), body(), KEY)).toMatchObject({ ok: false, status: 403 });
    consent(1, "2026-02-01T00:00:00.000Z");
    consent(0, "2026-02-15T00:00:00.000Z");
    expect(await ingestSession(temp.prisma(), body(), KEY)).toMatchObject({ ok: false, status: 403 });
    expect(count("sessions") + count("queries")).toBe(0);
  });

  it("stores a consenting subject's session: the query as an HMAC of its normalised text, free text scrubbed and logged", async () => {
    consent(1, "2026-02-01T00:00:00.000Z");
    const input = body();
    const result = await ingestSession(temp.prisma(), input, KEY);
    expect(result).toEqual({ ok: true, sessionId: input.session.id, queries: 1, redactions: 2 });
    const query = temp.sqlite.prepare("SELECT * FROM queries").get() as Record<string, unknown>;
    expect(query.query_hash).toBe(hashQueryText("why does jane@example.com get 500s?", KEY));
    expect(query.query_length).toBe(input.queries[0]!.text.length);
    expect(query.error_category).toBe("timeout calling [IPV4]");
    expect(JSON.parse(query.tools_used as string)).toEqual(["web_search", "[HOME_PATH]"]);
    expect(temp.sqlite.prepare("SELECT pattern_matched FROM redaction_log ORDER BY pattern_matched").pluck().all()).toEqual(["home_path", "ipv4"]);
    expect(JSON.stringify(temp.sqlite.prepare("SELECT * FROM queries").all())).not.toContain("jane");
  });

  it("answers invalid telemetry with field errors and a repeated session with 409", async () => {
    consent(1, "2026-02-01T00:00:00.000Z");
    const bad = await ingestSession(temp.prisma(), { session: { id: "x", subjectId: "nope", startedAt: "yesterday" } }, KEY);
    expect(bad).toMatchObject({ ok: false, status: 400 });
    expect(Object.keys((bad as { fieldErrors: object }).fieldErrors).sort()).toEqual(["session.id", "session.startedAt", "session.subjectId"]);
    const input = body();
    await ingestSession(temp.prisma(), input, KEY);
    expect(await ingestSession(temp.prisma(), input, KEY)).toMatchObject({ ok: false, status: 409 });
  });
});
