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

test("opens on the pair of versions that answered the most labelled queries in common, listed with the others", async ({ page }) => {
  // Computed here from the queries each run answered with a label, independently of the page's query.
  const labelledBy = new Map<string, Set<string>>();
  for (const row of db.prepare("SELECT model_run_id, query_id FROM model_predictions WHERE is_correct IS NOT NULL").all() as { model_run_id: string; query_id: string }[]) {
    if (!labelledBy.has(row.model_run_id)) labelledBy.set(row.model_run_id, new Set());
    labelledBy.get(row.model_run_id)!.add(row.query_id);
  }
  const runs = db.prepare("SELECT id, model_type, model_version, started_at FROM model_training_runs").all() as { id: string; model_type: string; model_version: string; started_at: string }[];
  const shared: { a: (typeof runs)[number]; b: (typeof runs)[number]; n: number }[] = [];
  for (const a of runs) {
    for (const b of runs) {
      if (a.model_type !== b.model_type || !(a.started_at < b.started_at || (a.started_at === b.started_at && a.id < b.id))) continue;
      const n = [...(labelledBy.get(a.id) ?? [])].filter((query) => labelledBy.get(b.id)?.has(query)).length;
      if (n > 0) shared.push({ a, b, n });
    }
  }
  shared.sort((x, y) => y.n - x.n);
  const labelOf = (pair: (typeof shared)[number]) => `${pair.a.model_type} ${pair.a.model_version} vs ${pair.b.model_version}`;
  const expectedCount = new Map(shared.map((pair) => [labelOf(pair), pair.n]));
  expect(shared.length, "the demo data has versions answering the same queries in shadow").toBeGreaterThan(1);

  await page.goto("/predictions/compare");
  const pairs = page.getByTestId("comparable-pair");
  await expect(pairs).toHaveCount(Math.min(shared.length, 8));
  // The counts, most first, are the database's; each listed pair has the count the database gives it.
  const listed = await pairs.evaluateAll((links) => links.map((link) => link.firstElementChild!.textContent!.replace(/\s+/g, " ").trim()));
  expect(await pairs.getByTestId("comparable-pair-count").allTextContents()).toEqual(shared.slice(0, 8).map((pair) => `${count(pair.n)} shared`));
  for (const [i, label] of listed.entries()) expect(expectedCount.get(label), label).toBe(shared[i]!.n);

  // The page opens on the first pair: its 2×2 table holds exactly the shared labelled queries.
  await expect(pairs.first()).toHaveAttribute("aria-current", "page");
  const cells = ["both-correct", "only-a", "only-b", "both-wrong"];
  const table = await Promise.all(cells.map(async (cell) => Number((await page.getByTestId(cell).textContent())!.replace(/,/g, ""))));
  expect(table.reduce((sum, n) => sum + n, 0)).toBe(shared[0]!.n);

  // Another listed pair opens its own comparison.
  const href = (await pairs.nth(1).getAttribute("href"))!;
  await pairs.nth(1).click();
  await expect(page).toHaveURL(href);
  await expect(pairs.nth(1)).toHaveAttribute("aria-current", "page");
});
