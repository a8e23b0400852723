import type Database from "better-sqlite3";
import { openE2eDatabase } from "./support/e2e-database";
import { newestVersionFirst, percent } from "./support/expected";
import { expect, test } from "./support/test";

let db: Database.Database;
test.beforeAll(() => {
  db = openE2eDatabase();
});
test.afterAll(() => db.close());

type Run = { id: string; model_type: string; model_version: string; hyperparameters: string; accuracy: number | null };

/** JSON with object keys sorted, so two values are deeply equal exactly when their canonical texts are. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The keys any run sets, and those on which they differ (a missing key counts as different), from the database's JSON. */
function hyperparameterKeys(runs: Run[]): { all: string[]; differing: string[] } {
  const sets = runs.map((run) => JSON.parse(run.hyperparameters) as Record<string, unknown>);
  const all = [...new Set(sets.flatMap((set) => Object.keys(set)))];
  const differing = all.filter((key) => new Set(sets.map((set) => (key in set ? canonical(set[key]) : "<missing>"))).size > 1);
  return { all, differing };
}

/**
 * Three completed classifier runs of the demo data, oldest, middle and newest, given in shuffled order. Runs
 * other specs log through the API (the Python client, the ML guide's loop) carry tags and are left out: they set
 * other hyperparameters and fewer metrics, and they run first.
 */
function threeClassifierRuns(): Run[] {
  const runs = (
    db
      .prepare("SELECT id, model_type, model_version, hyperparameters, accuracy FROM model_training_runs WHERE model_type = 'classifier' AND completed_at IS NOT NULL AND id NOT IN (SELECT run_id FROM run_tags)")
      .all() as Run[]
  ).sort(
    (a, b) => -newestVersionFirst(a.model_version, b.model_version),
  );
  const picked = [runs[0]!, runs[Math.floor(runs.length / 2)]!, runs.at(-1)!];
  return [picked[2]!, picked[0]!, picked[1]!];
}

const keysShown = (page: import("@playwright/test").Page) =>
  page.getByTestId("compare-hyperparameter").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-key")));

test("shows only the hyperparameters that differ by default, and the toggle shows all, as in the runs' JSON", async ({ page }) => {
  const runs = threeClassifierRuns();
  const { all, differing } = hyperparameterKeys(runs);
  expect(differing.length, "the demo runs differ in some hyperparameters").toBeGreaterThan(0);
  expect(differing.length, "and agree on others").toBeLessThan(all.length);

  await page.goto(`/runs/compare?ids=${runs.map((run) => run.id).join(",")}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare runs");
  expect((await keysShown(page)).sort()).toEqual([...differing].sort());
  await expect(page.getByTestId("hyperparameters-summary")).toHaveText(`Only the ${differing.length} keys that differ, of ${all.length}.`);

  // The toggle is a link, so it works from the keyboard and the view it shows can be shared by its address.
  const toggle = page.getByTestId("hyperparameters-toggle");
  await expect(toggle).toHaveText(`Show all ${all.length} hyperparameters`);
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]all=1(&|$)/);
  await expect(page.getByTestId("compare-hyperparameter")).toHaveCount(all.length);
  expect((await keysShown(page)).sort()).toEqual([...all].sort());
  const differsFlags = await page
    .getByTestId("compare-hyperparameter")
    .evaluateAll((rows) => Object.fromEntries(rows.map((row) => [row.getAttribute("data-key"), row.getAttribute("data-differs") === "true"])));
  expect(differsFlags).toEqual(Object.fromEntries(all.map((key) => [key, differing.includes(key)])));

  await page.getByTestId("hyperparameters-toggle").click();
  await expect(page).not.toHaveURL(/all=1/);
  await expect(page.getByTestId("compare-hyperparameter")).toHaveCount(differing.length);
});

test("puts the runs in columns by semver, with each differing value from its run's JSON", async ({ page }) => {
  const runs = threeClassifierRuns();
  const ordered = [...runs].sort((a, b) => -newestVersionFirst(a.model_version, b.model_version));
  await page.goto(`/runs/compare?ids=${runs.map((run) => run.id).join(",")}`);
  const columns = await page.getByTestId("compare-run").evaluateAll((cells) => cells.map((cell) => cell.getAttribute("data-run-id")));
  expect(columns).toEqual(ordered.map((run) => run.id));

  for (const key of hyperparameterKeys(runs).differing) {
    const cells = page.locator(`[data-testid="compare-hyperparameter"][data-key="${key}"] td`);
    const texts = await cells.allInnerTexts();
    expect(texts.map((text) => text.replace(/\s/g, ""))).toEqual(
      ordered.map((run) => {
        const value = (JSON.parse(run.hyperparameters) as Record<string, unknown>)[key];
        return value === undefined ? "notset" : typeof value === "string" ? value : JSON.stringify(value);
      }),
    );
  }
  const accuracies = await page.getByTestId("compare-accuracy").locator("td").allInnerTexts();
  // The highest carries a visually hidden "(best)".
  expect(accuracies.map((text) => text.replace(/\s*\(best\)/, ""))).toEqual(ordered.map((run) => (run.accuracy === null ? "\u2014" : percent(run.accuracy))));
  const highest = Math.max(...ordered.map((run) => run.accuracy ?? -1));
  expect(accuracies.map((text) => text.includes("(best)"))).toEqual(ordered.map((run) => run.accuracy === highest));
});

test("draws the metric bars, training against live, and every version of the model type with the compared ones marked", async ({ page }) => {
  const runs = threeClassifierRuns();
  const versions = (db.prepare("SELECT COUNT(*) AS n FROM model_training_runs WHERE model_type = 'classifier'").get() as { n: number }).n;
  await page.goto(`/runs/compare?ids=${runs.map((run) => run.id).join(",")}`);
  for (const metric of ["accuracy", "precision", "recall", "f1Score"]) {
    await expect(page.getByTestId(`metric-bars-${metric}`).locator(".recharts-bar-rectangle")).toHaveCount(3);
  }
  await expect(page.getByTestId("forest-row")).toHaveCount(3);
  const history = page.getByTestId("history-classifier");
  await expect(history).toContainText(`${versions} versions by semantic version`);
  await expect(history.locator(".recharts-line")).toHaveCount(5);
  await expect(history.locator(".recharts-reference-line")).toHaveCount(3);
});

test.describe("ids that cannot be compared get a clear message, not an error", () => {
  const cases: [string, (ids: string[]) => string, RegExp][] = [
    ["no ids", () => "", /No runs were chosen/],
    ["one id", (ids) => ids[0]!, /Only one run was chosen\. Pick at least 2 runs to compare\./],
    ["eleven ids", (ids) => Array.from({ length: 11 }, (_, i) => ids[i % ids.length]).join(","), /11 runs were chosen\. Compare at most 10 runs at once\./],
    ["the same id twice", (ids) => `${ids[0]},${ids[0]}`, /is listed more than once/],
    ["an id that is no run", (ids) => `${ids[0]},not-a-run`, /There is no training run with the id “not-a-run”\./],
  ];
  for (const [name, ids, message] of cases) {
    test(name, async ({ page }) => {
      const all = (db.prepare("SELECT id FROM model_training_runs ORDER BY id").all() as { id: string }[]).map((row) => row.id);
      const response = await page.goto(`/runs/compare?ids=${ids(all)}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare runs");
      await expect(page.getByTestId("compare-problem-text")).toHaveText(message);
      await expect(page.getByTestId("compare-table")).toHaveCount(0);
      await expect(page.getByTestId("compare-problem").getByRole("link", { name: "Pick runs from the list" })).toHaveAttribute("href", "/runs");
    });
  }
});

test("screenshots of a comparison, light and dark, desktop and narrow, never wider than the screen", async ({ page }) => {
  const runs = threeClassifierRuns();
  for (const colorScheme of ["light", "dark"] as const) {
    for (const [size, viewport] of [
      ["desktop", { width: 1440, height: 1000 }],
      ["narrow", { width: 390, height: 844 }],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
      await page.goto(`/runs/compare?ids=${runs.map((run) => run.id).join(",")}`);
      await expect(page.getByTestId("history-classifier").locator(".recharts-line").first()).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${size} ${colorScheme} scrolls sideways`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `screenshots/run-compare-${colorScheme}-${size}.png`, fullPage: true });
    }
  }
});
