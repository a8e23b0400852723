import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTestDatabase, callRoute } from "@/lib/test-support/api-route";

const temp = apiTestDatabase();
process.env.RALL_SECRET_KEY = "00112233445566778899aabbccddeeff";
const consent = await import("@/app/api/v1/consent/route");
const sessions = await import("@/app/api/v1/sessions/route");
const queries = await import("@/app/api/v1/queries/route");
const feedback = await import("@/app/api/v1/feedback/route");
const toolUsage = await import("@/app/api/v1/tool-usage/route");
const traces = await import("@/app/api/v1/reasoning-traces/route");

afterAll(() => temp.close());

const CONSENTING = "a".repeat(64);
const REFUSING = "b".repeat(64);
const scalar = (sql: string, ...params: unknown[]) => temp.sqlite.prepare(sql).pluck().get(...params);

const consentRecord = (subjectId: string, localTelemetry: boolean, timestamp: string) => ({
  subjectId,
  timestamp,
  localTelemetry,
  aggregatedSharing: false,
  communityContribution: false,
  consentVersion: "2026-11",
});

let allowedSession: string;
let refusedSession: string;

beforeAll(async () => {
  const recorded = await callRoute(consent.POST, "POST", "/api/v1/consent", {
    body: { items: [consentRecord(CONSENTING, true, "2026-11-01T00:00:00.000Z"), consentRecord(REFUSING, true, "2026-11-01T00:00:00.000Z"), consentRecord(REFUSING, false, "2026-11-02T00:00:00.000Z")] },
  });
  expect(recorded.status).toBe(201);
  allowedSession = randomUUID();
  refusedSession = randomUUID();
  // Sessions of both subjects exist (the refusing one consented earlier, then withdrew).
  temp.sqlite.prepare("INSERT INTO sessions (id, subject_id, started_at) VALUES (?, ?, ?), (?, ?, ?)").run(allowedSession, CONSENTING, "2026-11-03T00:00:00.000Z", refusedSession, REFUSING, "2026-11-01T12:00:00.000Z");
});

describe("telemetry batches", () => {
  it("stores a consenting subject's queries hashed, never their text, and counts them on the session", async () => {
    const response = await callRoute(queries.POST, "POST", "/api/v1/queries", {
      body: { items: [{ sessionId: allowedSession, timestamp: "2026-11-03T00:00:01.000Z", text: "email ada@example.com about keys", latencyMs: 120, errorCategory: "timeout for ada@example.com" }] },
    });
    expect(response.status).toBe(201);
    const id = (response.json!.ids as string[])[0];
    const row = temp.sqlite.prepare("SELECT query_hash, query_length, error_category FROM queries WHERE id = ?").get(id) as Record<string, unknown>;
    expect(row).toMatchObject({ query_length: 32, error_category: "timeout for [EMAIL]" });
    expect(String(row.query_hash)).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(temp.sqlite.prepare("SELECT * FROM queries").all())).not.toContain("ada@example.com");
    expect(scalar("SELECT query_count FROM sessions WHERE id = ?", allowedSession)).toBe(1);
  });

  it("refuses the whole batch with 403 when one item is of a subject who withdrew consent, naming the item", async () => {
    const item = (sessionId: string) => ({ sessionId, timestamp: "2026-11-03T00:00:02.000Z", toolName: "search", executionMs: 10, success: true });
    const before = scalar("SELECT COUNT(*) FROM tool_usage");
    const response = await callRoute(toolUsage.POST, "POST", "/api/v1/tool-usage", { body: { items: [item(allowedSession), item(refusedSession)] } });
    expect(response.status).toBe(403);
    expect(response.json!.items).toEqual([{ index: 1, fieldErrors: { sessionId: ["The session's subject has not consented to local telemetry; nothing of theirs is stored."] } }]);
    expect(scalar("SELECT COUNT(*) FROM tool_usage")).toBe(before);
  });

  it("mirrors the feedback table's CHECK: a rating only on explicit feedback", async () => {
    const response = await callRoute(feedback.POST, "POST", "/api/v1/feedback", {
      body: { items: [{ sessionId: allowedSession, timestamp: "2026-11-03T00:00:03.000Z", feedbackType: "thumbs_up", rating: 4 }] },
    });
    expect(response.status).toBe(400);
    expect(response.json!.items).toEqual([{ index: 0, fieldErrors: { rating: ["Only explicit feedback carries a rating."] } }]);
    const ok = await callRoute(feedback.POST, "POST", "/api/v1/feedback", {
      body: { items: [{ sessionId: allowedSession, timestamp: "2026-11-03T00:00:03.000Z", feedbackType: "explicit", rating: 4 }] },
    });
    expect(ok.status).toBe(201);
    expect(scalar("SELECT feedback_count FROM sessions WHERE id = ?", allowedSession)).toBe(1);
  });

  it("refuses an id already stored or given twice in the batch with a 400 naming the items (not a 500), writing nothing", async () => {
    const id = randomUUID();
    const item = (itemId: string, second = 4) => ({ id: itemId, sessionId: allowedSession, timestamp: `2026-11-03T00:00:0${second}.000Z`, toolName: "search", executionMs: 10, success: true });
    expect((await callRoute(toolUsage.POST, "POST", "/api/v1/tool-usage", { body: { items: [item(id)] } })).status).toBe(201);
    const before = scalar("SELECT COUNT(*) FROM tool_usage");
    const fresh = randomUUID();
    const response = await callRoute(toolUsage.POST, "POST", "/api/v1/tool-usage", { body: { items: [item(randomUUID(), 5), item(id, 6), item(fresh, 7), item(fresh, 8)] } });
    expect(response.status).toBe(400);
    expect(response.json!.items).toEqual([
      { index: 1, fieldErrors: { id: [`A tool usage record with the id "${id}" already exists.`] } },
      { index: 3, fieldErrors: { id: [`The id "${fresh}" appears twice in this batch.`] } },
    ]);
    expect(scalar("SELECT COUNT(*) FROM tool_usage")).toBe(before);

    const consentId = randomUUID();
    const record = { id: consentId, ...consentRecord(CONSENTING, true, "2026-11-04T00:00:00.000Z") };
    expect((await callRoute(consent.POST, "POST", "/api/v1/consent", { body: { items: [record] } })).status).toBe(201);
    const again = await callRoute(consent.POST, "POST", "/api/v1/consent", { body: { items: [record] } });
    expect(again.status).toBe(400);
    expect(again.json!.items).toEqual([{ index: 0, fieldErrors: { id: [`A consent record with the id "${consentId}" already exists.`] } }]);
  });

  it("stores reasoning traces and refuses an unknown session per item", async () => {
    const trace = { timestamp: "2026-11-03T00:00:04.000Z", thinktoolName: "decompose", stepCount: 3, totalMs: 900, stepTypes: ["plan"] };
    const unknown = await callRoute(traces.POST, "POST", "/api/v1/reasoning-traces", { body: { items: [{ ...trace, sessionId: "nope" }] } });
    expect(unknown.status).toBe(400);
    expect(unknown.json!.items).toEqual([{ index: 0, fieldErrors: { sessionId: ['There is no session with the id "nope".'] } }]);
    expect((await callRoute(traces.POST, "POST", "/api/v1/reasoning-traces", { body: { items: [{ ...trace, sessionId: allowedSession }] } })).status).toBe(201);
  });

  it("ingests a whole session through the same function as /api/telemetry/sessions, refusing a non-consenting subject", async () => {
    const session = (subjectId: string) => ({ session: { id: randomUUID(), subjectId, startedAt: "2026-11-04T00:00:00.000Z" }, queries: [{ id: randomUUID(), timestamp: "2026-11-04T00:00:01.000Z", text: "hello", latencyMs: 5 }] });
    const refused = await callRoute(sessions.POST, "POST", "/api/v1/sessions", { body: session(REFUSING) });
    expect(refused.status).toBe(403);
    const stored = await callRoute(sessions.POST, "POST", "/api/v1/sessions", { body: session(CONSENTING) });
    expect(stored.status).toBe(201);
    expect(stored.json).toMatchObject({ queries: 1 });
  });
});
