import type Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { count, percent } from "./support/expected";
import { openWritableE2eDatabase } from "./support/predictions";
import { expect, test } from "./support/test";

let db: Database.Database;
test.beforeAll(() => {
  db = openWritableE2eDatabase();
});
test.afterAll(() => db.close());

const scalar = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;
const pages = (total: number) => Math.max(1, Math.ceil(total / 50));

type Prediction = { id: string; model_run_id: string; prediction: string; actual_value: string | null; is_correct: number | null };
const predictionRow = (id: string) => db.prepare("SELECT id, model_run_id, prediction, actual_value, is_correct FROM model_predictions WHERE id = ?").get(id) as Prediction;

/** The run of a model type with the most predictions. */
const busiestRun = (type: string) =>
  (db.prepare("SELECT r.id FROM model_training_runs r JOIN model_predictions p ON p.model_run_id = r.id WHERE r.model_type = ? GROUP BY r.id ORDER BY COUNT(*) DESC LIMIT 1").get(type) as { id: string }).id;

/** Unlabelled predictions of a run among its newest 50, so they are on the first page of its unfiltered list. */
const newestUnlabelled = (runId: string, limit: number) =>
  (db
    .prepare("SELECT id FROM (SELECT id, is_correct FROM model_predictions WHERE model_run_id = ? ORDER BY predicted_at DESC, id DESC LIMIT 50) WHERE is_correct IS NULL LIMIT ?")
    .all(runId, limit) as { id: string }[]).map((row) => row.id);

test("lists every prediction, newest first, 50 a page, with readable labels", async ({ page }) => {
  await page.goto("/predictions");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Predictions");
  const total = scalar("SELECT COUNT(*) AS n FROM model_predictions");
  await expect(page.getByTestId("page-status")).toHaveText(`1–50 of ${count(total)} predictions · page 1 of ${count(pages(total))}`);
  const newest = db.prepare("SELECT id, prediction FROM model_predictions ORDER BY predicted_at DESC, id DESC LIMIT 1").get() as { id: string; prediction: string };
  const first = page.getByTestId("predictions-table").locator("tbody tr").first();
  await expect(first).toHaveAttribute("data-prediction-id", newest.id);
  // The label, not its JSON text.
  await expect(first.getByTestId("predicted")).toHaveText(JSON.parse(newest.prediction) as string);

  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId("page-status")).toHaveText(`51–100 of ${count(total)} predictions · page 2 of ${count(pages(total))}`);
});

test("filters by version and status through a shareable link, and every row matches", async ({ page }) => {
  const run = busiestRun("routing");
  await page.goto("/predictions");
  const filters = page.getByTestId("explorer-filters");
  await filters.getByLabel("Model version").selectOption(run);
  await filters.getByLabel("Status").selectOption("wrong");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`run=${run}.*status=wrong`));
  const total = scalar("SELECT COUNT(*) AS n FROM model_predictions WHERE model_run_id = ? AND is_correct = 0", run);
  await expect(page.getByTestId("page-status")).toContainText(`of ${count(total)} predictions`);
  const verdicts = await page.getByTestId("verdict").allTextContents();
  expect(verdicts.length).toBe(Math.min(50, total));
  expect(new Set(verdicts)).toEqual(new Set(["Wrong"]));
  // The same view from the link alone.
  await page.goto(page.url());
  await expect(page.getByTestId("page-status")).toContainText(`of ${count(total)} predictions`);
});

test("filters by confidence range and by day", async ({ page }) => {
  await page.goto("/predictions?minConfidence=0.9&maxConfidence=0.95&type=classification");
  const total = scalar("SELECT COUNT(*) AS n FROM model_predictions WHERE confidence BETWEEN 0.9 AND 0.95 AND prediction_type = 'classification'");
  await expect(page.getByTestId("page-status")).toContainText(`of ${count(total)} prediction`);
  for (const title of await page.getByTestId("confidence").evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute("title"))))) {
    expect(title).toBeGreaterThanOrEqual(0.9);
    expect(title).toBeLessThanOrEqual(0.95);
  }
  const day = (db.prepare("SELECT substr(MAX(predicted_at), 1, 10) AS day FROM model_predictions").get() as { day: string }).day;
  await page.goto(`/predictions?from=${day}&to=${day}`);
  const ofDay = scalar("SELECT COUNT(*) AS n FROM model_predictions WHERE substr(predicted_at, 1, 10) = ?", day);
  await expect(page.getByTestId("page-status")).toContainText(`of ${count(ofDay)} prediction`);
});

test("says which parameters of a link could not be used, and shows an empty result with a way out", async ({ page }) => {
  await page.goto("/predictions?status=maybe&minConfidence=2&from=yesterday&run=no-such-run");
  const issues = page.getByTestId("view-issues");
  await expect(issues).toContainText('Status "maybe" is not one of');
  await expect(issues).toContainText('Minimum confidence "2" must be at most 1');
  await expect(issues).toContainText('From "yesterday" must be a date');
  await expect(issues).toContainText('no model version with predictions and the id "no-such-run"');
  await page.goto("/predictions?minConfidence=1&maxConfidence=1");
  if (scalar("SELECT COUNT(*) AS n FROM model_predictions WHERE confidence = 1") === 0) {
    await expect(page.getByTestId("no-matches")).toBeVisible();
  }
});

async function labelRow(page: Page, id: string, value: string) {
  const row = page.locator(`tr[data-prediction-id="${id}"]`);
  await row.getByRole("textbox").fill(value);
  await row.getByRole("button", { name: /Save|Relabel/ }).click();
  return row;
}

test("recording the actual value on a row sets is_correct on the server and moves the live accuracy", async ({ page }) => {
  const run = busiestRun("classifier");
  const [right, wrong] = newestUnlabelled(run, 2);
  expect(right && wrong, "two unlabelled predictions on the first page").toBeTruthy();
  const before = db.prepare("SELECT COUNT(is_correct) AS labelled, TOTAL(is_correct) AS correct FROM model_predictions WHERE model_run_id = ?").get(run) as { labelled: number; correct: number };

  await page.goto(`/predictions?run=${run}`);
  const predicted = JSON.parse(predictionRow(right!).prediction) as string;
  const rightRow = await labelRow(page, right!, predicted);
  await expect(rightRow.getByRole("status")).toHaveText("Recorded: the prediction is correct.");
  await expect(rightRow.getByTestId("verdict")).toHaveText("Correct");
  await expect(rightRow.getByTestId("actual")).toHaveText(predicted);
  expect(predictionRow(right!)).toMatchObject({ actual_value: JSON.stringify(predicted), is_correct: 1 });

  const wrongRow = await labelRow(page, wrong!, `not-${predicted}`);
  await expect(wrongRow.getByRole("status")).toHaveText("Recorded: the prediction is wrong.");
  expect(predictionRow(wrong!).is_correct).toBe(0);

  // A correction is allowed, and recomputes the verdict.
  await labelRow(page, wrong!, JSON.parse(predictionRow(wrong!).prediction) as string);
  await expect(wrongRow.getByRole("status")).toHaveText("Relabelled: the prediction is correct.");
  expect(predictionRow(wrong!).is_correct).toBe(1);

  await page.goto(`/predictions/performance?run=${run}`);
  await expect(page.getByTestId("live-accuracy")).toHaveText(percent((before.correct + 2) / (before.labelled + 2)));
});

test("an empty actual value is refused beside the field and nothing is written", async ({ page }) => {
  const run = busiestRun("optimization");
  const [id] = newestUnlabelled(run, 1);
  await page.goto(`/predictions?run=${run}`);
  const row = await labelRow(page, id!, "   ");
  await expect(row.getByRole("alert")).toHaveText("Enter the actual value.");
  await expect(row.getByRole("textbox")).toHaveAttribute("aria-invalid", "true");
  expect(predictionRow(id!)).toMatchObject({ actual_value: null, is_correct: null });
});

async function upload(page: Page, text: string, name = "labels.csv") {
  await page.getByLabel("CSV file of actual values").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
  await page.getByTestId("csv-upload").getByRole("button", { name: "Upload" }).click();
  return page.getByTestId("csv-result");
}

test("a CSV upload with one bad line writes nothing and names the line; a good one labels every prediction", async ({ page }) => {
  const run = busiestRun("routing");
  const ids = newestUnlabelled(run, 3);
  expect(ids).toHaveLength(3);
  const predicted = ids.map((id) => JSON.parse(predictionRow(id).prediction) as string);
  await page.goto("/predictions");

  const withUnknown = ["prediction_id,actual_value", `${ids[0]},${predicted[0]}`, "no-such-prediction,fast", `${ids[1]},other`].join("\n");
  const refused = await upload(page, withUnknown);
  await expect(refused).toContainText("Nothing was recorded");
  await expect(refused).toContainText('Line 3: There is no prediction with the id "no-such-prediction".');
  for (const id of ids) expect(predictionRow(id).actual_value).toBeNull();

  const malformed = ["prediction_id,actual_value", `${ids[0]},${predicted[0]}`, `${ids[1]}`, `${ids[0]},again`].join("\n");
  const lines = await upload(page, malformed);
  await expect(lines).toContainText("Line 3: Expected 2 values (prediction_id,actual_value), found 1.");
  await expect(lines).toContainText(`Line 4: Prediction ${ids[0]} appears twice: also on line 2.`);
  for (const id of ids) expect(predictionRow(id).actual_value).toBeNull();

  const good = ["prediction_id,actual_value", `${ids[0]},${predicted[0]}`, `${ids[1]},"not ${predicted[1]}"`, `${ids[2]},${predicted[2]}`].join("\r\n");
  const accepted = await upload(page, good);
  await expect(accepted).toHaveText("Recorded 3 actual values: 2 correct, 1 wrong.");
  expect(ids.map((id) => predictionRow(id).is_correct)).toEqual([1, 0, 1]);
  expect(predictionRow(ids[1]!).actual_value).toBe(JSON.stringify(`not ${predicted[1]}`));
});

test("a CSV upload with a wrong header, no lines, or too many bytes is refused", async ({ page }) => {
  await page.goto("/predictions");
  await expect(await upload(page, "id,label\nabc,fast")).toContainText('Line 1: The first line must be the header "prediction_id,actual_value"');
  await expect(await upload(page, "prediction_id,actual_value\n")).toContainText("no predictions to label");
  await expect(await upload(page, "\n\n")).toContainText("The file is empty");
  await expect(await upload(page, `prediction_id,actual_value\n${"x,y\n".repeat(150_000)}`)).toContainText("The file is too large");
});
