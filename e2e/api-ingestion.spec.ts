import { execFileSync } from "node:child_process";
import type Database from "better-sqlite3";
import { e2eApiKey } from "./support/api-key";
import { openE2eDatabase } from "./support/e2e-database";
import { serverUrl } from "./support/servers";
import { expect, test } from "./support/test";

let db: Database.Database;
test.beforeAll(() => {
  db = openE2eDatabase();
});
test.afterAll(() => db.close());

const auth = async () => ({ Authorization: `Bearer ${await e2eApiKey("write")}` });

test("the Python client, from a bare python3 with no packages, logs a run and predictions that the dashboard shows", async ({ page }) => {
  const queryIds = (db.prepare("SELECT id FROM queries ORDER BY timestamp DESC LIMIT 3").all() as { id: string }[]).map((row) => row.id);
  const version = `42.0.${Date.now()}`;
  const output = execFileSync("python3", ["-I", "-S", "clients/python/smoke_test.py", "--version", version, ...queryIds.flatMap((id) => ["--query-id", id])], {
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", RALL_URL: serverUrl("seeded"), RALL_API_KEY: await e2eApiKey("write"), NODE_ENV: "production" },
    encoding: "utf8",
  });
  const { runId, predictionIds } = JSON.parse(output) as { runId: string; predictionIds: string[] };
  expect(predictionIds).toHaveLength(3);

  await page.goto(`/runs?q=${version}`);
  await expect(page.locator("main").getByText(version).first()).toBeVisible();
  await page.goto(`/runs/${runId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(version);

  await page.goto(`/predictions?run=${runId}`);
  await expect(page.getByTestId("page-status")).toHaveText("1–3 of 3 predictions · page 1 of 1");
  for (const id of predictionIds) await expect(page.locator(`[data-prediction-id="${id}"]`)).toBeVisible();
  // Ground truth came with the predictions: the server decided which were right.
  expect(db.prepare("SELECT COUNT(*) FROM model_predictions WHERE model_run_id = ? AND is_correct = 1").pluck().get(runId)).toBe(2);
});

test("answers a batch with an invalid item with 400, naming the item and field, and writes nothing", async ({ request }) => {
  const run = db.prepare("SELECT id FROM model_training_runs LIMIT 1").pluck().get() as string;
  const query = db.prepare("SELECT id FROM queries LIMIT 1").pluck().get() as string;
  const before = db.prepare("SELECT COUNT(*) FROM model_predictions").pluck().get();
  const item = { queryId: query, runId: run, predictionType: "classification", prediction: "reason", confidence: 0.4 };
  const response = await request.post("/api/v1/predictions", { headers: await auth(), data: { items: [item, item, { ...item, predictionType: "guess" }] } });
  expect(response.status()).toBe(400);
  const body = await response.json();
  expect(body.items).toEqual([{ index: 2, fieldErrors: { predictionType: ["The prediction type must be one of classification, routing, optimization."] } }]);
  expect(db.prepare("SELECT COUNT(*) FROM model_predictions").pluck().get()).toBe(before);
});

test("refuses more than 10,000 items with 413, and completing an unknown run with 404", async ({ request }) => {
  const items = Array.from({ length: 10_001 }, () => ({ queryId: "q", runId: "r", predictionType: "routing", prediction: "deep" }));
  const tooMany = await request.post("/api/v1/predictions", { headers: await auth(), data: { items } });
  expect(tooMany.status()).toBe(413);
  expect((await tooMany.json()).error).toContain("at most 10,000 items");

  const unknown = await request.post("/api/v1/runs/no-such-run/complete", { headers: await auth(), data: { completedAt: "2026-11-20T10:00:00.000Z" } });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({ error: 'There is no training run with the id "no-such-run".' });
});
