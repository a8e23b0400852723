import type Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { openE2eDatabase } from "./support/e2e-database";
import { serverUrl } from "./support/servers";
import { count } from "./support/expected";
import { parseCsv } from "./support/csv";
import { expect, test } from "./support/test";

// The runs table against independent SQL on the seeded e2e database: every expected list below is computed
// here from the database, with the ordering rules written out (missing values last, ties by id in the sort's
// direction), never read from the app's own lib/.

let db: Database.Database;
test.beforeAll(() => {
  db = openE2eDatabase();
});
test.afterAll(() => db.close());

const ids = (sql: string, ...params: unknown[]) => (db.prepare(sql).all(...params) as { id: string }[]).map((row) => row.id);
const scalar = (sql: string, ...params: unknown[]) => Object.values(db.prepare(sql).get(...params) as object)[0] as number;

/** The runs shown, in order, once the table has settled. */
async function shownIds(page: Page): Promise<string[]> {
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  return page.getByTestId("run-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-run-id") ?? ""));
}

async function expectRows(page: Page, expected: string[]) {
  await expect.poll(() => shownIds(page)).toEqual(expected);
}

const NEWEST_FIRST = "ORDER BY started_at DESC, id DESC";

test.describe("the runs table", () => {
  test("shows the newest runs first, one page of 25, with the total", async ({ page }) => {
    await page.goto("/runs");
    const total = scalar("SELECT COUNT(*) FROM model_training_runs");
    expect(total, "the demo data has more runs than one page").toBeGreaterThan(25);
    await expectRows(page, ids(`SELECT id FROM model_training_runs ${NEWEST_FIRST} LIMIT 25`));
    await expect(page.getByTestId("page-status")).toHaveText(`1–25 of ${count(total)} runs · page 1 of ${Math.ceil(total / 25)}`);
    await expect(page.getByRole("columnheader", { name: "Started", exact: true })).toHaveAttribute("aria-sort", "descending");
  });

  test("sorting by a column gives the database's order, missing values last, in both directions", async ({ page }) => {
    await page.goto("/runs");
    const accuracy = page.getByRole("columnheader", { name: "Accuracy", exact: true });
    await accuracy.getByRole("button").click();
    await expect(page).toHaveURL(/sort=accuracy&dir=desc/);
    await expect(accuracy).toHaveAttribute("aria-sort", "descending");
    await expectRows(page, ids("SELECT id FROM model_training_runs ORDER BY accuracy IS NULL, accuracy DESC, id DESC LIMIT 25"));

    await accuracy.getByRole("button").click();
    await expect(page).toHaveURL(/sort=accuracy&dir=asc/);
    await expect(accuracy).toHaveAttribute("aria-sort", "ascending");
    await expectRows(page, ids("SELECT id FROM model_training_runs ORDER BY accuracy IS NULL, accuracy ASC, id ASC LIMIT 25"));
    await expect(page.getByRole("columnheader", { name: "Started", exact: true })).toHaveAttribute("aria-sort", "none");
  });

  test("an AND filter built in the filter builder shows exactly the runs the database holds for it", async ({ page }) => {
    await page.goto("/runs");
    await page.getByRole("button", { name: /^Filter/ }).click();
    const builder = page.getByTestId("filter-builder");
    const first = builder.getByRole("group", { name: "Group 1, condition 1" });
    await first.getByLabel("Field").selectOption({ label: "Type" });
    await first.getByLabel("Value").selectOption({ label: "Classifier" });
    await builder.getByRole("button", { name: "+ And condition" }).click();
    const second = builder.getByRole("group", { name: "Group 1, condition 2" });
    await second.getByLabel("Field").selectOption({ label: "Accuracy" });
    await second.getByLabel("Operator").selectOption({ label: "≥" });
    await second.getByLabel("Value").fill("0.85");
    await builder.getByRole("button", { name: "Apply filter" }).click();

    await expect(page).toHaveURL(/f=0%3Atype%3Aeq%3Aclassifier&f=0%3Aaccuracy%3Agte%3A0.85/);
    const expected = ids(`SELECT id FROM model_training_runs WHERE model_type = 'classifier' AND accuracy >= 0.85 ${NEWEST_FIRST}`);
    expect(expected.length).toBeGreaterThan(0);
    await expectRows(page, expected);
    await expect(page.getByTestId("filter-summary")).toContainText("Type = classifier AND Accuracy ≥ 0.85");
    await expect(page.getByTestId("page-status")).toContainText(`of ${count(expected.length)} run`);
  });

  test("an OR filter of two groups shows exactly the runs the database holds for it", async ({ page }) => {
    await page.goto("/runs");
    await page.getByRole("button", { name: /^Filter/ }).click();
    const builder = page.getByTestId("filter-builder");
    const first = builder.getByRole("group", { name: "Group 1, condition 1" });
    await first.getByLabel("Field").selectOption({ label: "Type" });
    await first.getByLabel("Value").selectOption({ label: "Routing" });
    await builder.getByRole("button", { name: "+ Or group" }).click();
    const other = builder.getByRole("group", { name: "Group 2, condition 1" });
    await other.getByLabel("Field").selectOption({ label: "F1" });
    await other.getByLabel("Operator").selectOption({ label: "≥" });
    await other.getByLabel("Value").fill("88%");
    await builder.getByRole("button", { name: "Apply filter" }).click();

    await expect(page).toHaveURL(/f=0%3Atype%3Aeq%3Arouting&f=1%3Af1%3Agte%3A88%25/);
    const expected = ids(`SELECT id FROM model_training_runs WHERE model_type = 'routing' OR f1_score >= 0.88 ${NEWEST_FIRST}`);
    const routing = scalar("SELECT COUNT(*) FROM model_training_runs WHERE model_type = 'routing'");
    expect(expected.length, "the OR adds runs to the routing ones").toBeGreaterThan(routing);
    await expectRows(page, expected);
    await expect(page.getByTestId("filter-summary")).toContainText("(Type = routing) OR (F1 ≥ 88%)");
  });

  test("a filter value that cannot be read is explained beside its condition, and nothing is applied", async ({ page }) => {
    await page.goto("/runs");
    await page.getByRole("button", { name: /^Filter/ }).click();
    const condition = page.getByTestId("filter-builder").getByRole("group", { name: "Group 1, condition 1" });
    await condition.getByLabel("Value").fill("high");
    await page.getByRole("button", { name: "Apply filter" }).click();
    await expect(condition.getByText('"high" is not a number')).toBeVisible();
    await expect(condition.getByLabel("Value")).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/runs$/);
  });

  test("the URL round-trips the view: sort, filter, search, columns, page size and page", async ({ page }) => {
    const query =
      "f=0%3Astarted%3Agte%3A2000-01-01&f=0%3Aaccuracy%3Aexists%3A&f=1%3Aversion%3Arange%3A%3E%3D2.0.0&sort=validation_loss&dir=asc&cols=type%2Cversion%2Caccuracy%2Cvalidation_loss&hp=optimizer&size=50";
    await page.goto(`/runs?${query}`);
    const expected = ids(
      `SELECT id FROM model_training_runs
       WHERE (started_at >= '2000-01-01T00:00:00.000Z' AND accuracy IS NOT NULL) OR CAST(model_version AS INTEGER) >= 2
       ORDER BY validation_loss IS NULL, validation_loss ASC, id ASC`,
    );
    expect(expected.length, "more matching runs than a page of 25").toBeGreaterThan(25);
    await expectRows(page, expected.slice(0, 50));
    // The controls show the view the URL holds.
    await expect(page.getByRole("columnheader", { name: "Val loss" })).toHaveAttribute("aria-sort", "ascending");
    await expect(page.getByRole("columnheader")).toHaveText(["", "Type", "Version", "Accuracy", "Val loss", "optimizer"]);
    await expect(page.getByTestId("filter-summary")).toContainText("(Started ≥ 2000-01-01 AND Accuracy is set) OR (Version in range >=2.0.0)");
    await expect(page.getByLabel("Rows per page")).toHaveValue("50");

    // Changing the view through the controls writes it back to the URL, which a fresh page reads identically.
    await page.getByRole("columnheader", { name: "Accuracy", exact: true }).getByRole("button").click();
    await expect(page).toHaveURL(/sort=accuracy&dir=desc/);
    await page.getByLabel("Rows per page").selectOption("25");
    await expect(page).toHaveURL(/sort=accuracy&dir=desc/);
    await expect(page).not.toHaveURL(/size=/);
    await page.getByRole("button", { name: "Next page" }).click();
    await expect(page).toHaveURL(/page=2/);
    const shown = await shownIds(page);
    const url = page.url();
    expect(url).toContain("hp=optimizer");
    expect(url).toContain("cols=type%2Cversion%2Caccuracy%2Cvalidation_loss");

    const fresh = await page.context().newPage();
    await fresh.goto(url);
    await expectRows(fresh, shown);
    await expect(fresh.getByTestId("page-status")).toHaveText(`26–${Math.min(50, expected.length)} of ${count(expected.length)} runs · page 2 of 2`);
    await fresh.close();
  });

  test("a link with parts that cannot be read says what was left out and shows the rest", async ({ page }) => {
    await page.goto("/runs?page=zero&sort=password&f=0:accuracy:gte:high&f=0:type:eq:routing");
    const issues = page.getByTestId("view-issues");
    await expect(issues).toContainText('Page "zero" is not valid');
    await expect(issues).toContainText('"password" is not a column');
    await expect(issues).toContainText('"high" is not a number');
    await expectRows(page, ids(`SELECT id FROM model_training_runs WHERE model_type = 'routing' ${NEWEST_FIRST}`));
  });

  test("a hyperparameter column can be added from the column picker, read when it opens", async ({ page }) => {
    await page.goto("/runs");
    const keysRequest = page.waitForRequest((request) => request.url().endsWith("/runs/hyperparameter-keys"));
    await page.getByRole("button", { name: "Columns" }).click();
    await keysRequest;
    const picker = page.getByRole("group", { name: "Columns" });
    const withKey = scalar("SELECT COUNT(*) FROM model_training_runs WHERE json_type(hyperparameters, '$.learning_rate') IS NOT NULL");
    await expect(picker.getByText(`${count(withKey)} runs`).first()).toBeVisible();
    await picker.getByRole("checkbox", { name: /^learning_rate/ }).check();
    await expect(page).toHaveURL(/hp=learning_rate/);

    await expect(page.getByRole("columnheader", { name: "learning_rate" })).toBeVisible();
    const runs = db.prepare(`SELECT id, json_extract(hyperparameters, '$.learning_rate') AS lr FROM model_training_runs ${NEWEST_FIRST} LIMIT 25`).all() as { id: string; lr: number | null }[];
    await expectRows(page, runs.map((run) => run.id));
    await expect(page.locator('td[data-column="hp.learning_rate"]')).toHaveText(runs.map((run) => (run.lr === null ? "—" : String(run.lr))));

    // It sorts like any column, numerically.
    await page.getByRole("columnheader", { name: "learning_rate" }).getByRole("button").click();
    await expect(page).toHaveURL(/sort=hp.learning_rate&dir=asc/);
    await expectRows(
      page,
      ids(
        "SELECT id FROM model_training_runs ORDER BY json_extract(hyperparameters, '$.learning_rate') IS NULL, json_extract(hyperparameters, '$.learning_rate') ASC, id ASC LIMIT 25",
      ),
    );
  });

  test("the CSV export of a filtered view holds every matching run, not one page", async ({ page }) => {
    await page.goto("/runs?f=0:accuracy:exists:&f=0:started:gte:2000-01-01&hp=optimizer");
    const expected = ids(`SELECT id FROM model_training_runs WHERE accuracy IS NOT NULL ${NEWEST_FIRST}`);
    expect(expected.length, "more matching runs than one page").toBeGreaterThan(25);
    await expect(page.getByTestId("run-row")).toHaveCount(25);

    const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    expect(href).toMatch(/^\/runs\/export\?/);
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/csv");
    expect(response.headers()["content-disposition"]).toMatch(/attachment; filename="training-runs-\d{4}-\d{2}-\d{2}\.csv"/);
    // Parsed as CSV, not split on commas: notes and JSON values (other specs register runs) hold commas and quotes.
    const [header, ...rows] = parseCsv(await response.text());
    expect(header![0]).toBe("id");
    expect(header!.at(-1)).toBe("hp.optimizer");
    expect(rows.map((row) => row[0])).toEqual(expected);
    const optimizers = db.prepare(`SELECT json_extract(hyperparameters, '$.optimizer') AS o FROM model_training_runs WHERE accuracy IS NOT NULL ${NEWEST_FIRST}`).all() as { o: string | null }[];
    // A run without the hyperparameter (runs logged through the API by other specs) has an empty cell.
    expect(rows.map((row) => row.at(-1))).toEqual(optimizers.map((row) => row.o ?? ""));
  });

  test("grouping by model type shows n and mean ± sd per metric, as the database gives them", async ({ page }) => {
    await page.goto("/runs?group=type");
    for (const type of ["classifier", "routing", "optimization"]) {
      const values = (db.prepare("SELECT accuracy FROM model_training_runs WHERE model_type = ? AND accuracy IS NOT NULL").all(type) as { accuracy: number }[]).map(
        (row) => row.accuracy,
      );
      const runs = scalar("SELECT COUNT(*) FROM model_training_runs WHERE model_type = ?", type);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
      const row = page.locator(`[data-testid=group-row][data-group=${type}]`);
      await expect(row.locator("[data-metric=runs]")).toHaveText(count(runs));
      await expect(row.locator("[data-metric=accuracy]")).toHaveText(`${(mean * 100).toFixed(1)} ± ${(sd * 100).toFixed(1)}%n = ${values.length}`);
    }
    // A group opens its runs in the table.
    await page.locator("[data-testid=group-row][data-group=routing]").getByRole("link").click();
    await expectRows(page, ids(`SELECT id FROM model_training_runs WHERE model_type = 'routing' ${NEWEST_FIRST}`));
  });

  test("the table's controls work from the keyboard, and selected runs lead to the compare page", async ({ page }) => {
    await page.goto("/runs");
    // Sort from the keyboard.
    await page.getByRole("columnheader", { name: "F1", exact: true }).getByRole("button").focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/sort=f1&dir=desc/);

    // Page with the keyboard.
    await page.getByRole("button", { name: "Next page" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/page=2/);

    // The column picker opens, toggles with Space, and Escape closes it and returns focus to its button.
    const columns = page.getByRole("button", { name: "Columns" });
    await columns.focus();
    await page.keyboard.press("Enter");
    await expect(columns).toHaveAttribute("aria-expanded", "true");
    await page.getByRole("checkbox", { name: "Precision" }).focus();
    await page.keyboard.press("Space");
    await expect(page).toHaveURL(/cols=[^&]*precision/);
    await expect(page).toHaveURL(/page=2/);
    await page.keyboard.press("Escape");
    await expect(columns).toHaveAttribute("aria-expanded", "false");
    await expect(columns).toBeFocused();

    // The filter builder: type a value and press Enter to apply.
    await page.getByRole("button", { name: /^Filter/ }).focus();
    await page.keyboard.press("Enter");
    const value = page.getByTestId("filter-builder").getByLabel("Value");
    await value.focus();
    await page.keyboard.type("0.8");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/f=0%3Aaccuracy%3Agte%3A0.8/);
    await expectRows(page, ids("SELECT id FROM model_training_runs WHERE accuracy >= 0.8 ORDER BY f1_score IS NULL, f1_score DESC, id DESC LIMIT 25"));

    // Select two runs with Space: the compare link names both.
    const [a, b] = await shownIds(page);
    const rows = page.getByTestId("run-row");
    await rows.nth(0).getByRole("checkbox").focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await rows.nth(1).getByRole("checkbox").focus();
    await page.keyboard.press("Space");
    await expect(page.getByRole("link", { name: "Compare 2 runs" })).toHaveAttribute("href", `/runs/compare?ids=${a},${b}`);

    // Search, debounced, from the keyboard.
    await page.getByRole("searchbox", { name: "Search version and notes" }).focus();
    await page.keyboard.type("hotfix");
    await expect(page).toHaveURL(/q=hotfix/);
    await expectRows(
      page,
      ids(
        "SELECT id FROM model_training_runs WHERE accuracy >= 0.8 AND (model_version LIKE '%hotfix%' OR notes LIKE '%hotfix%') ORDER BY f1_score IS NULL, f1_score DESC, id DESC LIMIT 25",
      ),
    );
  });

  test("a view that matches nothing says so and offers to clear the filter", async ({ page }) => {
    await page.goto("/runs?f=0:accuracy:gt:1");
    const empty = page.getByTestId("runs-no-match");
    await expect(empty.getByRole("heading", { name: "No runs match this view" })).toBeVisible();
    await empty.getByRole("link", { name: "Clear filter and search" }).click();
    await expect(page).toHaveURL(/\/runs$/);
    await expect(page.getByTestId("run-row")).toHaveCount(25);
  });
});

test.describe("when the database cannot be read", () => {
  // The error boundary logs what it caught; a production build logs a server error as React's error #441.
  test.use({ allowedConsoleError: /React error #441/ });

  test("the runs page's error boundary offers to try again, reset the view or go back", async ({ page }) => {
    await page.goto(`${serverUrl("broken")}/runs?sort=accuracy`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The runs could not be loaded");
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Reset the view" })).toHaveAttribute("href", "/runs");
    await expect(page.getByRole("link", { name: "Back to Overview" })).toBeVisible();
  });
});

// Screenshots of the runs page's states in both themes at desktop and phone widths, into screenshots/.
const STATES = [
  { name: "runs", url: "/runs" },
  { name: "runs-filtered", url: "/runs?f=0:type:eq:classifier&f=0:accuracy:gte:0.85&f=1:hp.optimizer:eq:adamw&hp=learning_rate&hp=optimizer" },
  { name: "runs-grouped", url: "/runs?group=minor" },
  { name: "runs-no-match", url: "/runs?f=0:accuracy:gt:1" },
];
for (const colorScheme of ["light", "dark"] as const) {
  for (const size of [
    { name: "desktop", viewport: { width: 1440, height: 1000 } },
    { name: "narrow", viewport: { width: 390, height: 844 } },
  ]) {
    test(`runs screenshots, ${colorScheme}, ${size.name}`, async ({ page }) => {
      await page.setViewportSize(size.viewport);
      await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
      for (const { name, url } of STATES) {
        await page.goto(url);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Runs");
        await page.waitForLoadState("networkidle");
        await page.screenshot({ path: `screenshots/${name}-${colorScheme}-${size.name}.png`, fullPage: true });
      }
      if (size.name === "desktop") {
        await page.goto(STATES[1]!.url);
        await page.getByRole("button", { name: /^Filter/ }).click();
        await page.getByRole("button", { name: "Columns" }).click();
        await page.waitForLoadState("networkidle");
        await page.screenshot({ path: `screenshots/runs-controls-open-${colorScheme}-${size.name}.png`, fullPage: true });
      }
    });
  }
}
