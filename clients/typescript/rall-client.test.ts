import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it } from "vitest";
import { apiTestDatabase, testApiKey } from "@/lib/test-support/api-route";
import { insertQuery } from "@/lib/test-support/rows";
import { CLIENT_FILE, generateClient } from "@/scripts/generate-ts-client";
import { RallApiError, RallClient } from "./rall-client";

const temp = apiTestDatabase();
afterAll(() => temp.close());

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

/** The route files, by OpenAPI path template, as Next.js would route to them. */
const ROUTES: [RegExp, () => Promise<unknown>][] = [
  [/^\/api\/v1\/runs$/, () => import("@/app/api/v1/runs/route")],
  [/^\/api\/v1\/runs\/(?<id>[^/]+)\/complete$/, () => import("@/app/api/v1/runs/[id]/complete/route")],
  [/^\/api\/v1\/runs\/(?<id>[^/]+)$/, () => import("@/app/api/v1/runs/[id]/route")],
  [/^\/api\/v1\/predictions$/, () => import("@/app/api/v1/predictions/route")],
  [/^\/api\/v1\/ground-truth$/, () => import("@/app/api/v1/ground-truth/route")],
  [/^\/api\/v1\/openapi\.json$/, () => import("@/app/api/v1/openapi.json/route")],
];

/** A fetch that hands each request to the real route handler, in process. */
async function handlerFetch(request: Request): Promise<Response> {
  const url = new URL(request.url);
  for (const [pattern, load] of ROUTES) {
    const match = pattern.exec(url.pathname);
    if (!match) continue;
    const handler = ((await load()) as Record<string, Handler | undefined>)[request.method];
    if (!handler) return new Response(null, { status: 405 });
    return handler(new NextRequest(request), { params: Promise.resolve({ ...match.groups }) });
  }
  return new Response(null, { status: 404 });
}

const client = new RallClient({ baseUrl: "http://rall.test", apiKey: await testApiKey(), fetch: handlerFetch, retries: 0 });

describe("the TypeScript client", () => {
  it("is what the generator makes of the current OpenAPI document (run `npm run client:generate` after changing the API)", () => {
    expect(fs.readFileSync(CLIENT_FILE, "utf8")).toBe(generateClient());
  });

  it("registers and completes a run, logs predictions and labels them through the real handlers", async () => {
    const queryId = insertQuery(temp.sqlite, { timestamp: "2026-01-01T00:00:00.000Z" });
    const run = await client.createRun({ modelType: "routing", modelVersion: "4.0.0", startedAt: "2026-01-01T00:00:00.000Z", trainingSamples: 10, tags: ["ts-client"] });
    expect(run.tags).toEqual(["ts-client"]);
    expect(await client.completeRun(run.id, { completedAt: "2026-01-01T01:00:00.000Z", accuracy: 0.8 })).toEqual({ id: run.id, completedAt: "2026-01-01T01:00:00.000Z" });
    const logged = await client.logPredictions({ items: [{ queryId, runId: run.id, predictionType: "routing", prediction: "deep", confidence: 0.7 }] });
    expect(logged.written).toBe(1);
    const labelled = await client.logGroundTruth({ items: [{ predictionId: logged.ids[0]!, actualValue: "deep" }] });
    expect(labelled).toMatchObject({ labelled: 1, correct: 1 });
    expect(temp.sqlite.prepare("SELECT is_correct FROM model_predictions WHERE id = ?").pluck().get(logged.ids[0])).toBe(1);
  });

  it("raises RallApiError with the per-item errors of a refused batch", async () => {
    const error = await client.logPredictions({ items: [{ queryId: "nope", runId: "nope", predictionType: "routing", prediction: "deep" }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RallApiError);
    expect((error as RallApiError).status).toBe(400);
    expect((error as RallApiError).body.items?.[0]?.index).toBe(0);
  });

  it("sends the same Idempotency-Key it is given, so a retry is a replay", async () => {
    const body = { modelType: "routing" as const, modelVersion: "4.1.0", startedAt: "2026-01-01T00:00:00.000Z", trainingSamples: 10 };
    const key = randomUUID();
    const first = await client.createRun(body, { idempotencyKey: key });
    const again = await client.createRun(body, { idempotencyKey: key });
    expect(again.id).toBe(first.id);
  });

  it("reads the OpenAPI document", async () => {
    const document = await client.getOpenApiDocument();
    expect(document.openapi).toBe("3.1.0");
  });
});
