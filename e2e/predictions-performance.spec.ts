import type Database from "better-sqlite3";
import { openE2eDatabase } from "./support/e2e-database";
import { count, percent } from "./support/expected";
import { eceOf } from "./support/predictions";
import { expect, test } from "./support/test";

let db: Database.Database;
test.beforeAll(() => {
  db = openE2eDatabase();
});
test.afterAll(() => db.close());

type Run = { id: string; model_type: string; model_version: string };

/** The seeded classifier version with the most labelled predictions. */
function busiestClassifier(): Run {
  return db
    .prepare(
      `SELECT r.id, r.model_type, r.model_version FROM model_training_runs r JOIN model_predictions p ON p.model_run_id = r.id
       WHERE r.model_type = 'classifier' GROUP BY r.id ORDER BY COUNT(p.is_correct) DESC, r.id LIMIT 1`,
    )
    .get() as Run;
}

test("accuracy, coverage, ECE and every confusion-matrix count of a seeded version equal the database's", async ({ page }) => {
  const run = busiestClassifier();
  await page.goto(`/predictions/performance?run=${run.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Model performance");
  await expect(page.getByText(`${run.model_type} ${run.model_version}`, { exact: true })).toBeVisible();

  const live = db
    .prepare("SELECT COUNT(*) AS predictions, COUNT(is_correct) AS labelled, TOTAL(is_correct) AS correct FROM model_predictions WHERE model_run_id = ?")
    .get(run.id) as { predictions: number; labelled: number; correct: number };
  await expect(page.getByTestId("live-accuracy")).toHaveText(percent(live.correct / live.labelled));
  await expect(page.getByTestId("coverage")).toHaveText(percent(live.labelled / live.predictions));
  await expect(page.getByTestId("ece")).toHaveText(eceOf(db, run.id).toFixed(3));

  const cells = db
    .prepare("SELECT actual_value, prediction, COUNT(*) AS n FROM model_predictions WHERE model_run_id = ? AND actual_value IS NOT NULL GROUP BY 1, 2")
    .all(run.id) as { actual_value: string; prediction: string; n: number }[];
  const labels = [...new Set(cells.flatMap((cell) => [JSON.parse(cell.actual_value) as string, JSON.parse(cell.prediction) as string]))].sort();
  const matrix = page.getByTestId("confusion-matrix");
  await expect(matrix.locator("tbody tr")).toHaveCount(labels.length);
  for (const actual of labels) {
    for (const predicted of labels) {
      const expected = cells.find((cell) => JSON.parse(cell.actual_value) === actual && JSON.parse(cell.prediction) === predicted)?.n ?? 0;
      await expect(matrix.locator(`td[data-actual="${actual}"][data-predicted="${predicted}"]`)).toHaveText(count(expected));
    }
  }
  // One row per label in the per-class table, plus the macro average.
  await expect(page.getByTestId("per-class").locator("tbody tr")).toHaveCount(labels.length + 1);
});

test("the version picker switches versions through the link", async ({ page }) => {
  const run = busiestClassifier();
  const other = db.prepare("SELECT DISTINCT model_run_id AS id FROM model_predictions WHERE model_run_id <> ? LIMIT 1").get(run.id) as { id: string };
  await page.goto(`/predictions/performance?run=${run.id}`);
  await page.getByTestId("version-picker").getByLabel("Model version").selectOption(other.id);
  await page.getByTestId("version-picker").getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`run=${other.id}`));
});

test("flags a version whose live accuracy is significantly below its training accuracy, with the gap's interval", async ({ page }) => {
  // A seeded version whose training accuracy lies above the live Wilson interval's upper bound.
  const runs = db
    .prepare(
      `SELECT r.id, r.accuracy, COUNT(p.is_correct) AS labelled, TOTAL(p.is_correct) AS correct FROM model_training_runs r
       JOIN model_predictions p ON p.model_run_id = r.id WHERE r.accuracy IS NOT NULL GROUP BY r.id HAVING labelled > 200`,
    )
    .all() as { id: string; accuracy: number; labelled: number; correct: number }[];
  const gap = runs.map((run) => ({ ...run, gap: run.accuracy - run.correct / run.labelled })).sort((a, b) => b.gap - a.gap)[0]!;
  await page.goto(`/predictions/performance?run=${gap.id}`);
  const points = `${gap.gap >= 0 ? "+" : "\u2212"}${(Math.abs(gap.gap) * 100).toFixed(1)} pts`;
  await expect(page.getByTestId("training-gap")).toHaveText(points);
  if (gap.gap > 0.05) await expect(page.getByTestId("gap-flag")).toHaveText("Live significantly worse");
});

test("an unknown version says so and offers the others", async ({ page }) => {
  await page.goto("/predictions/performance?run=no-such-run");
  await expect(page.getByTestId("version-not-found")).toContainText('no training run with the id “no-such-run”');
  await expect(page.getByTestId("version-picker")).toBeVisible();
});
