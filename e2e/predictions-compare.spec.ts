import type Database from "better-sqlite3";
import { count } from "./support/expected";
import { exactMcNemar, insertPairedFixture, openWritableE2eDatabase, pText, type PairedFixture } from "./support/predictions";
import { expect, test } from "./support/test";

let db: Database.Database;
let fixture: PairedFixture;
test.beforeAll(() => {
  db = openWritableE2eDatabase();
  fixture = insertPairedFixture(db);
});
test.afterAll(() => db.close());

test("the 2×2 table, McNemar's p and the disagreeing queries of two versions on the same queries", async ({ page }) => {
  await page.goto(`/predictions/compare?a=${fixture.a}&b=${fixture.b}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare two versions");
  const { plan } = fixture;
  await expect(page.getByTestId("both-correct")).toHaveText(count(plan.bothCorrect));
  await expect(page.getByTestId("only-a")).toHaveText(count(plan.onlyA));
  await expect(page.getByTestId("only-b")).toHaveText(count(plan.onlyB));
  await expect(page.getByTestId("both-wrong")).toHaveText(count(plan.bothWrong));
  await expect(page.getByTestId("mcnemar-p")).toHaveText(pText(exactMcNemar(plan.onlyA, plan.onlyB)));
  await expect(page.getByTestId("paired-summary")).toContainText(`${fixture.versionA} is significantly better`);

  // 40 disagreements, 25 per page.
  const disagreements = plan.onlyA + plan.onlyB;
  await expect(page.getByTestId("disagreements").locator("tbody tr")).toHaveCount(25);
  await expect(page.getByTestId("page-status")).toHaveText(`1–25 of ${disagreements} disagreements · page 1 of 2`);
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page.getByTestId("page-status")).toHaveText(`26–${disagreements} of ${disagreements} disagreements · page 2 of 2`);
  await expect(page.getByTestId("disagreements").locator("tbody tr")).toHaveCount(disagreements - 25);
  await expect(page).toHaveURL(/page=2/);
  // Each listed query is one where exactly one version was right, as the database says.
  const queryId = await page.getByTestId("disagreements").locator("tbody tr").first().getAttribute("data-query-id");
  const verdicts = db.prepare("SELECT model_run_id, is_correct FROM model_predictions WHERE query_id = ? AND model_run_id IN (?, ?)").all(queryId, fixture.a, fixture.b) as { is_correct: number }[];
  expect(verdicts.map((row) => row.is_correct).sort()).toEqual([0, 1]);
});

test("choosing the versions in the form writes them into the link", async ({ page }) => {
  await page.goto("/predictions/compare");
  const picker = page.getByTestId("version-picker");
  await picker.getByLabel("Version A").selectOption(fixture.b);
  await picker.getByLabel("Version B").selectOption(fixture.a);
  await picker.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(new RegExp(`a=${fixture.b}&b=${fixture.a}`));
  await expect(page.getByTestId("only-a")).toHaveText(count(fixture.plan.onlyB));
});

test("refuses the same version twice, two model types and an unknown id, saying why", async ({ page }) => {
  await page.goto(`/predictions/compare?a=${fixture.a}&b=${fixture.a}`);
  await expect(page.getByTestId("compare-problem")).toHaveText("Choose two different versions to compare.");
  const classifier = (db.prepare("SELECT id FROM model_training_runs WHERE model_type = 'classifier' LIMIT 1").get() as { id: string }).id;
  await page.goto(`/predictions/compare?a=${fixture.a}&b=${classifier}`);
  await expect(page.getByTestId("compare-problem")).toContainText("two versions of one model type");
  await page.goto(`/predictions/compare?a=${fixture.a}&b=no-such-run`);
  await expect(page.getByTestId("compare-problem")).toContainText('no training run with the id "no-such-run"');
  await page.goto(`/predictions/compare?a=${fixture.a}&b=${fixture.b}&page=two`);
  await expect(page.getByTestId("view-issues")).toContainText('Page "two" is not a page number');
});
