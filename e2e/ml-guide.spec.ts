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

type Summary = {
  queryIds: string[];
  featureVersion: string;
  exportedRows: number;
  positiveLabels: number;
  runA: { id: string; version: string };
  runB: { id: string; version: string };
  predictionIds: string[];
  groundTruth: { labelled: number; correct: number; relabelled: number };
  abTest: { id: string; counts: { a: { samples: number; successes: number }; b: { samples: number; successes: number } }; probabilityBBeatsA: number; guardrails: string[] };
};

test("docs/examples/ml_loop.py runs the guide's whole loop from a bare python3, and the dashboard shows what it wrote", async ({ page }) => {
  const stamp = String(Date.now());
  const output = execFileSync("python3", ["-I", "-S", "docs/examples/ml_loop.py", "--stamp", stamp, "--test-name", `e2e ml guide ${stamp}`], {
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", RALL_URL: serverUrl("seeded"), RALL_API_KEY: await e2eApiKey("write"), NODE_ENV: "production" },
    encoding: "utf8",
  });
  const summary = JSON.parse(output) as Summary;

  // Telemetry and features: six queries stored as hashes, one vector each, exported with their feedback labels.
  expect(db.prepare("SELECT COUNT(*) FROM queries WHERE session_id = (SELECT session_id FROM queries WHERE id = ?)").pluck().get(summary.queryIds[0])).toBe(6);
  expect(db.prepare("SELECT COUNT(*) FROM feature_vectors WHERE feature_version = ?").pluck().get(summary.featureVersion)).toBe(6);
  expect([summary.exportedRows, summary.positiveLabels]).toEqual([6, 4]);

  // The run is on /runs, completed, with its feature set version.
  await page.goto(`/runs?q=${summary.runA.version}`);
  await expect(page.locator("main").getByText(summary.runA.version).first()).toBeVisible();
  expect(db.prepare("SELECT completed_at IS NOT NULL AS done, feature_set_version AS fsv FROM model_training_runs WHERE id = ?").get(summary.runA.id)).toEqual({ done: 1, fsv: summary.featureVersion });

  // Ground truth: A predicted "reason" for all six; the server marked the three reason queries right.
  expect(summary.groundTruth).toEqual({ labelled: 6, correct: 3, relabelled: 0 });
  expect(summary.predictionIds.map((id) => db.prepare("SELECT is_correct FROM model_predictions WHERE id = ?").pluck().get(id))).toEqual([1, 0, 1, 0, 1, 0]);

  // The A/B test's page counts exactly the outcomes recorded: A 3 of 6, B 5 of 6.
  expect(summary.abTest.counts).toEqual({ a: { samples: 6, successes: 3 }, b: { samples: 6, successes: 5 } });
  expect(db.prepare("SELECT variant_a_samples AS a, variant_a_successes AS sa, variant_b_samples AS b, variant_b_successes AS sb FROM ab_test_results WHERE id = ?").get(summary.abTest.id)).toEqual({ a: 6, sa: 3, b: 6, sb: 5 });
  await page.goto(`/ab-tests/${summary.abTest.id}`);
  await expect(page.getByTestId("status")).toHaveText(/running/i);
  await expect(page.getByTestId("rate-a")).toHaveText("50.0%");
  await expect(page.getByTestId("rate-b")).toHaveText("83.3%");
  await expect(page.getByText(`3 of 6 · ${summary.runA.version}`)).toBeVisible();
  await expect(page.getByText(`5 of 6 · ${summary.runB.version}`)).toBeVisible();
  // P(B > A) under Beta(1, 1) priors for 3/6 vs 5/6 is 124/143 (mpmath: ∫ Beta(4,4) pdf · (1 − I_x(6,2)) dx).
  expect(summary.abTest.probabilityBBeatsA).toBeCloseTo(124 / 143, 12);
  await expect(page.getByTestId("probability-b-beats-a")).toContainText("86.7%");
  // Six samples a side cannot decide anything: the analysis says so.
  expect(summary.abTest.guardrails).toEqual(expect.arrayContaining(["not_significant", "underpowered"]));
});
