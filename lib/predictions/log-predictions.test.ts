import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTestDatabase, callRoute } from "@/lib/test-support/api-route";
import { insertQuery, insertRun } from "@/lib/test-support/rows";

const temp = apiTestDatabase();
const { POST } = await import("@/app/api/v1/predictions/route");

let runId: string;
let queryIds: string[];

beforeAll(() => {
  runId = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.0.0" });
  queryIds = Array.from({ length: 20 }, () => insertQuery(temp.sqlite, { timestamp: "2026-01-01T00:00:00.000Z" }));
});
afterAll(() => temp.close());

const count = () => temp.sqlite.prepare("SELECT COUNT(*) FROM model_predictions").pluck().get() as number;

function batch(size: number) {
  return Array.from({ length: size }, (_, i) => ({
    queryId: queryIds[i % queryIds.length],
    runId,
    predictedAt: "2026-01-02T00:00:00.000Z",
    predictionType: "classification",
    prediction: i % 2 === 0 ? "reason" : "search",
    confidence: 0.5 + (i % 50) / 100,
  }));
}

const post = (body: unknown, headers: Record<string, string> = {}) => callRoute(POST, "POST", "/api/v1/predictions", { body, headers });

describe("POST /api/v1/predictions", () => {
  it("refuses a 10,000-item batch with item 7,531 invalid whole, naming the item and its field, and writes nothing", async () => {
    const items: Record<string, unknown>[] = batch(10_000);
    items[7531] = { ...items[7531], confidence: 1.7 };
    const before = count();
    const response = await post({ items });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ itemErrorCount: 1, items: [{ index: 7531, fieldErrors: { confidence: ["Confidence must be between 0 and 1."] } }] });
    expect(response.json!.error).toContain("Item 7531");
    expect(count()).toBe(before);
  });

  it("writes a 10,000-item batch once when it is retried with the same Idempotency-Key, replaying the first answer", async () => {
    const items = batch(10_000);
    const key = randomUUID();
    const before = count();
    const first = await post({ items }, { "Idempotency-Key": key });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ written: 10_000, labelled: 0 });
    expect(count()).toBe(before + 10_000);

    const retry = await post({ items }, { "Idempotency-Key": key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
    expect(retry.json).toEqual(first.json);
    expect(count()).toBe(before + 10_000);
  });

  it("refuses a key used again with a different body (422) and writes nothing", async () => {
    const key = randomUUID();
    expect((await post({ items: batch(3) }, { "Idempotency-Key": key })).status).toBe(201);
    const before = count();
    const reuse = await post({ items: batch(4) }, { "Idempotency-Key": key });
    expect(reuse.status).toBe(422);
    expect(reuse.json!.error).toContain("different body");
    expect(count()).toBe(before);
  });

  it("lets only one of two concurrent requests with the same key write", async () => {
    const key = randomUUID();
    const before = count();
    const answers = await Promise.all([post({ items: batch(500) }, { "Idempotency-Key": key }), post({ items: batch(500) }, { "Idempotency-Key": key })]);
    expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
    expect(answers[0]!.json).toEqual(answers[1]!.json);
    expect(count()).toBe(before + 500);
  });

  it("names unknown queries and runs per item, checked in bulk, and writes nothing", async () => {
    const items: Record<string, unknown>[] = batch(5);
    items[1] = { ...items[1], runId: "no-such-run" };
    items[3] = { ...items[3], queryId: "no-such-query" };
    const before = count();
    const response = await post({ items });
    expect(response.status).toBe(400);
    expect(response.json!.items).toEqual([
      { index: 1, fieldErrors: { runId: ['There is no training run with the id "no-such-run".'] } },
      { index: 3, fieldErrors: { queryId: ['There is no query with the id "no-such-query".'] } },
    ]);
    expect(count()).toBe(before);
  });

  it("computes is_correct from the actual value (a client's is_correct is not read) and scrubs PII, logging it", async () => {
    const [right, wrong] = batch(2).map((item, i) => ({ ...item, id: randomUUID(), prediction: "reason", actualValue: i === 0 ? "reason" : "mail ada@example.com", isCorrect: true }));
    const response = await post({ items: [right, wrong] });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ written: 2, labelled: 2, redacted: ["email"] });
    const rows = temp.sqlite.prepare("SELECT id, is_correct, actual_value FROM model_predictions WHERE id IN (?, ?) ORDER BY is_correct DESC").all(right!.id, wrong!.id);
    expect(rows).toEqual([
      { id: right!.id, is_correct: 1, actual_value: '"reason"' },
      { id: wrong!.id, is_correct: 0, actual_value: '"mail [EMAIL]"' },
    ]);
    expect(temp.sqlite.prepare("SELECT pattern_matched FROM redaction_log WHERE source_id = ?").pluck().all(wrong!.id)).toEqual(["email"]);
  });

  it("refuses more than 10,000 items with 413 naming the limit, and a body that is not JSON with 400", async () => {
    const tooMany = await post({ items: batch(10_001) });
    expect(tooMany.status).toBe(413);
    expect(tooMany.json!.error).toContain("at most 10,000 items");
    const notJson = await callRoute(POST, "POST", "/api/v1/predictions", { rawBody: "{items:" });
    expect(notJson.status).toBe(400);
    expect(notJson.json!.error).toMatch(/^The body must be JSON/);
  });
});
