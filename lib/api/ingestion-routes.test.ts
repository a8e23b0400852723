import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTestDatabase, callRoute } from "@/lib/test-support/api-route";
import { insertPrediction, insertQuery, insertRun } from "@/lib/test-support/rows";

const temp = apiTestDatabase();
const runs = await import("@/app/api/v1/runs/route");
const run = await import("@/app/api/v1/runs/[id]/route");
const complete = await import("@/app/api/v1/runs/[id]/complete/route");
const groundTruth = await import("@/app/api/v1/ground-truth/route");
const featureVectors = await import("@/app/api/v1/feature-vectors/route");
const abTests = await import("@/app/api/v1/ab-tests/route");
const abTest = await import("@/app/api/v1/ab-tests/[id]/route");
const outcomes = await import("@/app/api/v1/ab-tests/[id]/outcomes/route");

afterAll(() => temp.close());

const scalar = (sql: string, ...params: unknown[]) => temp.sqlite.prepare(sql).pluck().get(...params);
const newRun = (version: string, extra: Record<string, unknown> = {}) => ({
  modelType: "classifier",
  modelVersion: version,
  startedAt: "2026-11-01T10:00:00.000Z",
  trainingSamples: 12_000,
  hyperparameters: { learning_rate: 0.001 },
  ...extra,
});

describe("POST /api/v1/runs", () => {
  it("registers a run through the form's schema, with tags; PII in the notes and tags is scrubbed and logged", async () => {
    const response = await callRoute(runs.POST, "POST", "/api/v1/runs", {
      body: newRun("3.0.0", { notes: "ask ada@example.com", tags: ["baseline", "owner 555-123-4567"] }),
    });
    expect(response.status).toBe(201);
    const id = String(response.json!.id);
    expect(scalar("SELECT notes FROM model_training_runs WHERE id = ?", id)).toBe("ask [EMAIL]");
    expect(temp.sqlite.prepare("SELECT tag FROM run_tags WHERE run_id = ? ORDER BY tag").pluck().all(id)).toEqual(["baseline", "owner [PHONE]"]);
    expect(temp.sqlite.prepare("SELECT pattern_matched FROM redaction_log WHERE source_id = ? ORDER BY pattern_matched").pluck().all(id)).toEqual(["email", "phone"]);
    expect(response.json!.redacted).toEqual(["email", "phone"]);
  });

  it("answers bad fields with 400 and each field's message, a taken version with 409, writing nothing", async () => {
    const before = scalar("SELECT COUNT(*) FROM model_training_runs");
    const bad = await callRoute(runs.POST, "POST", "/api/v1/runs", { body: newRun("1.2", { accuracy: 91.3, tags: [""] }) });
    expect(bad.status).toBe(400);
    expect(bad.json!.fieldErrors).toMatchObject({
      modelVersion: [expect.stringContaining("is not a semantic version")],
      accuracy: ["Accuracy must be between 0 and 1: enter 91.3% as 0.913."],
      "tags.0": ["A tag cannot be empty."],
    });
    expect((await callRoute(runs.POST, "POST", "/api/v1/runs", { body: newRun("3.1.0") })).status).toBe(201);
    const taken = await callRoute(runs.POST, "POST", "/api/v1/runs", { body: newRun("3.1.0") });
    expect(taken.status).toBe(409);
    expect(taken.json!.error).toContain("classifier 3.1.0 is already registered");
    expect(scalar("SELECT COUNT(*) FROM model_training_runs")).toBe(Number(before) + 1);
  });

  it("registers once when retried with the same Idempotency-Key (through Prisma's transaction)", async () => {
    const key = randomUUID();
    const first = await callRoute(runs.POST, "POST", "/api/v1/runs", { body: newRun("3.2.0"), headers: { "Idempotency-Key": key } });
    const retry = await callRoute(runs.POST, "POST", "/api/v1/runs", { body: newRun("3.2.0"), headers: { "Idempotency-Key": key } });
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
    expect(retry.json!.id).toBe(first.json!.id);
    expect(scalar("SELECT COUNT(*) FROM model_training_runs WHERE model_version = '3.2.0'")).toBe(1);
  });
});

describe("POST /api/v1/runs/{id}/complete and PATCH /api/v1/runs/{id}", () => {
  it("completes a run with its metrics once; a second completion is 409, an unknown run 404", async () => {
    const id = insertRun(temp.sqlite, { model_type: "routing", model_version: "1.0.0", completed_at: null });
    const path = `/api/v1/runs/${id}/complete`;
    const done = await callRoute(complete.POST, "POST", path, { params: { id }, body: { completedAt: "2026-01-01T02:00:00.000Z", accuracy: 0.91, f1Score: 0.9 } });
    expect(done.status).toBe(200);
    expect(temp.sqlite.prepare("SELECT completed_at, accuracy, f1_score FROM model_training_runs WHERE id = ?").get(id)).toEqual({
      completed_at: "2026-01-01T02:00:00.000Z",
      accuracy: 0.91,
      f1_score: 0.9,
    });
    const again = await callRoute(complete.POST, "POST", path, { params: { id }, body: { completedAt: "2026-01-01T03:00:00.000Z" } });
    expect(again.status).toBe(409);
    const unknown = await callRoute(complete.POST, "POST", "/api/v1/runs/nope/complete", { params: { id: "nope" }, body: { completedAt: "2026-01-01T03:00:00.000Z" } });
    expect(unknown.status).toBe(404);
    expect(unknown.json!.error).toBe('There is no training run with the id "nope".');
  });

  it("refuses a completion before the start with a field error", async () => {
    const id = insertRun(temp.sqlite, { model_type: "routing", model_version: "1.1.0", completed_at: null });
    const early = await callRoute(complete.POST, "POST", `/api/v1/runs/${id}/complete`, { params: { id }, body: { completedAt: "2025-12-31T00:00:00.000Z" } });
    expect(early.status).toBe(400);
    expect(early.json!.fieldErrors).toEqual({ completedAt: ["Completed must not be before the run started (2026-01-01T00:00:00.000Z)."] });
    expect(scalar("SELECT completed_at FROM model_training_runs WHERE id = ?", id)).toBeNull();
  });

  it("replaces the notes (scrubbed) and adds and removes tags", async () => {
    const id = insertRun(temp.sqlite, { model_type: "routing", model_version: "1.2.0" });
    await callRoute(run.PATCH, "PATCH", `/api/v1/runs/${id}`, { params: { id }, body: { addTags: ["a", "b"] } });
    const changed = await callRoute(run.PATCH, "PATCH", `/api/v1/runs/${id}`, { params: { id }, body: { notes: "from /home/ada/x", addTags: ["c"], removeTags: ["a"] } });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ notes: "from [HOME_PATH]", tags: ["b", "c"], redacted: ["home_path"] });
  });
});

describe("POST /api/v1/ground-truth", () => {
  it("labels predictions, computing is_correct; an unknown prediction refuses the batch naming its index", async () => {
    const runId = insertRun(temp.sqlite, { model_type: "classifier", model_version: "9.0.0" });
    const queryId = insertQuery(temp.sqlite, { timestamp: "2026-01-01T00:00:00.000Z" });
    const [p1, p2] = [insertPrediction(temp.sqlite, { run_id: runId, query_id: queryId, is_correct: null }), insertPrediction(temp.sqlite, { run_id: runId, query_id: queryId, is_correct: null })];
    const refused = await callRoute(groundTruth.POST, "POST", "/api/v1/ground-truth", {
      body: { items: [{ predictionId: p1, actualValue: "reason" }, { predictionId: "missing", actualValue: "x" }] },
    });
    expect(refused.status).toBe(400);
    expect(refused.json!.items).toEqual([{ index: 1, fieldErrors: { predictionId: ['There is no prediction with the id "missing".'] } }]);
    expect(scalar("SELECT is_correct FROM model_predictions WHERE id = ?", p1)).toBeNull();

    const ok = await callRoute(groundTruth.POST, "POST", "/api/v1/ground-truth", {
      body: { items: [{ predictionId: p1, actualValue: "reason" }, { predictionId: p2, actualValue: "search" }] },
    });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ labelled: 2, correct: 1 });
    expect([scalar("SELECT is_correct FROM model_predictions WHERE id = ?", p1), scalar("SELECT is_correct FROM model_predictions WHERE id = ?", p2)]).toEqual([1, 0]);
  });
});

describe("POST /api/v1/feature-vectors", () => {
  it("writes vectors with their dimension and scrubbed features; a bad item is named and nothing is written", async () => {
    const queryId = insertQuery(temp.sqlite, { timestamp: "2026-01-01T00:00:00.000Z" });
    const good = { queryId, embedding: [0.1, 0.2, 0.3], embeddingModel: "mini-lm", features: { length: 12, author: "ada@example.com" } };
    const bad = await callRoute(featureVectors.POST, "POST", "/api/v1/feature-vectors", { body: { items: [good, { ...good, embedding: [] }] } });
    expect(bad.status).toBe(400);
    expect(bad.json!.items).toEqual([{ index: 1, fieldErrors: { embedding: ["The embedding cannot be empty."] } }]);
    expect(scalar("SELECT COUNT(*) FROM feature_vectors")).toBe(0);
    expect(scalar("SELECT COUNT(*) FROM embedding_doubles")).toBe(0);
    const ok = await callRoute(featureVectors.POST, "POST", "/api/v1/feature-vectors", { body: { items: [good] } });
    expect(ok.status).toBe(201);
    const id = (ok.json!.ids as string[])[0];
    expect(temp.sqlite.prepare("SELECT embedding_dim, features FROM feature_vectors WHERE id = ?").get(id)).toEqual({ embedding_dim: 3, features: '{"length":12,"author":"[EMAIL]"}' });
    // The embedding's float64 copy (embedding_doubles) is written with it.
    const copy = temp.sqlite.prepare("SELECT doubles FROM embedding_doubles WHERE feature_vector_id = ?").pluck().get(id) as Buffer;
    expect(Array.from(new Float64Array(new Uint8Array(copy).buffer))).toEqual([0.1, 0.2, 0.3]);
  });
});

describe("A/B tests: create, record outcomes, read the analysis", () => {
  let testId: string;
  let queryId: string;
  beforeAll(async () => {
    const a = insertRun(temp.sqlite, { model_type: "classifier", model_version: "5.0.0" });
    const b = insertRun(temp.sqlite, { model_type: "classifier", model_version: "5.1.0" });
    queryId = insertQuery(temp.sqlite, { timestamp: "2026-01-01T00:00:00.000Z" });
    const created = await callRoute(abTests.POST, "POST", "/api/v1/ab-tests", {
      body: { name: "5.1 vs 5.0", variantARunId: a, variantBRunId: b, trafficSplit: 50, startedAt: "2026-01-01 00:00" },
    });
    expect(created.status).toBe(201);
    testId = String(created.json!.id);
  });

  it("stores outcomes as labelled predictions of each variant's run and recounts the test", async () => {
    const outcome = (variant: "A" | "B", actualValue: string) => ({ variant, queryId, prediction: "reason", actualValue, predictedAt: "2026-01-02T00:00:00.000Z" });
    const response = await callRoute(outcomes.POST, "POST", `/api/v1/ab-tests/${testId}/outcomes`, {
      params: { id: testId },
      body: { items: [outcome("A", "reason"), outcome("A", "search"), outcome("B", "reason"), outcome("B", "reason")] },
    });
    expect(response.status).toBe(201);
    expect(response.json!.counts).toEqual({ a: { samples: 2, successes: 1 }, b: { samples: 2, successes: 2 } });
    const read = await callRoute(abTest.GET, "GET", `/api/v1/ab-tests/${testId}`, { params: { id: testId } });
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ test: { a: { samples: 2, successes: 1 }, b: { samples: 2, successes: 2 } }, mdePoints: 2 });
    expect(read.json!.analysis).toHaveProperty("fixed");
  });

  it("refuses an outcome before the test started, naming the item; an unknown test is 404", async () => {
    const early = { variant: "B", queryId, prediction: "x", actualValue: "x", predictedAt: "2025-06-01T00:00:00.000Z" };
    const refused = await callRoute(outcomes.POST, "POST", `/api/v1/ab-tests/${testId}/outcomes`, { params: { id: testId }, body: { items: [early] } });
    expect(refused.status).toBe(400);
    expect(refused.json!.items).toEqual([{ index: 0, fieldErrors: { predictedAt: ["The outcome is before the test started (2026-01-01T00:00:00.000Z), so it would not count."] } }]);
    const unknown = await callRoute(outcomes.POST, "POST", "/api/v1/ab-tests/nope/outcomes", { params: { id: "nope" }, body: { items: [early] } });
    expect(unknown.status).toBe(404);
    expect((await callRoute(abTest.GET, "GET", "/api/v1/ab-tests/nope", { params: { id: "nope" } })).status).toBe(404);
  });
});
