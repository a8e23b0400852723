import type Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { abTest, abTests, openWritableE2eDatabase, recount, srmChiSquare, unpooledZ, type AbTestRow } from "./support/ab-tests";
import { openE2eDatabase } from "./support/e2e-database";
import { count, percent } from "./support/expected";
import { serverUrl } from "./support/servers";
import { expect, test } from "./support/test";
import { E2E_USERS, storageStateOf } from "./support/users";

/** Decisions name the signed-in user: the specs run as the e2e admin. */
const ADMIN = E2E_USERS.admin.username;

let db: Database.Database;
test.beforeAll(() => {
  db = openE2eDatabase();
});
test.afterAll(() => db.close());

const testCount = () => (db.prepare("SELECT COUNT(*) AS n FROM ab_test_results").get() as { n: number }).n;

/** Seeded running tests by their state: 3.29 and 1.96 are the two-sided critical values for p = 0.001 and 0.05. */
function seeded(kind: "significant" | "inconclusive" | "srm"): AbTestRow {
  // The seeded ones only: the copies these specs start are named "e2e: …".
  const running = abTests(db).filter((t) => t.status === "running" && !t.test_name.startsWith("e2e") && t.variant_a_samples > 0 && t.variant_b_samples > 0);
  const found = running.find((t) =>
    kind === "srm" ? srmChiSquare(t) > 10.83 : srmChiSquare(t) < 3.84 && (kind === "significant" ? unpooledZ(t) > 3.29 : Math.abs(unpooledZ(t)) < 1.96),
  );
  if (!found) throw new Error(`the demo data has no running ${kind} test`);
  return found;
}

/** 'YYYY-MM-DDTHH:MM:SS' for a datetime-local input, one second after `iso` so the copy's window starts inside the original's. */
const datetimeLocalAfter = (iso: string) => new Date(Date.parse(iso) + 1_000).toISOString().slice(0, 19);

/** Starts a copy of a seeded test (same versions, same start) through the form; returns its id. */
async function startCopyOf(page: Page, original: AbTestRow, name: string): Promise<string> {
  await page.goto("/ab-tests/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Variant A (control)").selectOption({ label: `${original.model_type} ${original.variant_a_model}` });
  await page.getByLabel("Variant B (candidate)").selectOption({ label: `${original.model_type} ${original.variant_b_model}` });
  await page.getByLabel("Traffic to B (%)").fill(String(Math.round(original.traffic_split * 100)));
  await page.getByLabel("Started (UTC) (optional)").fill(datetimeLocalAfter(original.started_at));
  await page.getByTestId("create-ab-test-submit").click();
  await expect(page).toHaveURL(/\/ab-tests\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  return page.url().split("/").pop()!;
}

/** Chooses the winner and writes the reason; there is no name to type, the decision names the signed-in user. */
async function fillDecision(page: Page, { winner, reason }: { winner: "A" | "B" | "tie"; reason: string }) {
  const form = page.getByTestId("close-form");
  await expect(form.getByLabel("Decided by")).toHaveCount(0);
  await form.getByRole("radio", { name: winner === "tie" ? /Tie/ : new RegExp(`^${winner} wins`) }).check();
  await form.getByLabel("Reason", { exact: true }).fill(reason);
}

test.describe("the A/B tests list", () => {
  test("lists every test with status, versions, samples, rates and p-value, filters by status and sorts by header", async ({ page }) => {
    const all = abTests(db);
    await page.goto("/ab-tests");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("A/B tests");
    await expect(page.getByTestId("ab-test-row")).toHaveCount(Math.min(all.length, 25));
    const significant = seeded("significant");
    const row = page.locator(`[data-test-id="${significant.id}"]`);
    await expect(row.locator('[data-column="samples"]')).toContainText(count(significant.variant_a_samples + significant.variant_b_samples));
    await expect(row.locator('[data-column="rateA"]')).toHaveText(percent(significant.variant_a_successes / significant.variant_a_samples));
    await expect(row.locator('[data-column="rateB"]')).toHaveText(percent(significant.variant_b_successes / significant.variant_b_samples));
    await expect(row.locator('[data-column="pvalue"]')).toHaveText("< 0.001");
    await expect(row.locator('[data-column="versions"]')).toHaveText(`${significant.variant_a_model} vs ${significant.variant_b_model}`);

    await page.getByRole("link", { name: /^Closed/ }).click();
    await expect(page).toHaveURL("/ab-tests?status=closed");
    const closed = all.filter((t) => t.status === "closed");
    await expect(page.getByTestId("ab-test-row")).toHaveCount(Math.min(closed.length, 25));
    for (const status of await page.locator('td[data-column="status"]').allTextContents()) expect(status).toBe("closed");

    // The filter's navigation settles before the sort starts another.
    await page.waitForLoadState("networkidle");
    await page.getByRole("columnheader", { name: /p-value/ }).getByRole("button").click();
    await expect(page).toHaveURL("/ab-tests?status=closed&sort=pvalue&dir=asc");
    await expect(page.getByRole("columnheader", { name: /p-value/ })).toHaveAttribute("aria-sort", "ascending");
    const ps = closed.map((t) => Math.abs(unpooledZ(t)));
    const firstName = closed[ps.indexOf(Math.max(...ps))]!.test_name;
    await expect(page.getByTestId("ab-test-row").first().locator('[data-column="name"]')).toHaveText(firstName);
  });

  test("on an empty database says there are no tests and how to start one", async ({ page }) => {
    await page.goto(`${serverUrl("empty")}/ab-tests`);
    await expect(page.getByTestId("ab-tests-empty").getByRole("heading", { name: "No A/B tests yet" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Start an A/B test" })).toHaveAttribute("href", "/ab-tests/new");
    await page.getByRole("link", { name: "Start an A/B test" }).click();
    await expect(page.getByRole("heading", { name: "Two model versions are needed" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Register a run" })).toHaveAttribute("href", "/runs/new");
  });
});

test.describe("an A/B test's page", () => {
  test("shows both rates with intervals, the difference, p-value in both modes, P(B > A) and the sample ratio", async ({ page }) => {
    const t = seeded("significant");
    await page.goto(`/ab-tests/${t.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.test_name);
    await expect(page.getByTestId("rate-a")).toHaveText(percent(t.variant_a_successes / t.variant_a_samples));
    await expect(page.getByTestId("rate-b")).toHaveText(percent(t.variant_b_successes / t.variant_b_samples));
    const statistics = page.getByTestId("statistics");
    await expect(statistics.getByTestId("stat-p-value").locator('[data-mode="fixed-horizon"]')).toHaveText("p < 0.001");
    await expect(statistics.getByTestId("stat-p-value").locator('[data-mode="sequential"]')).toContainText("p ");
    await expect(statistics.getByTestId("stat-p-value")).toContainText(`z = ${unpooledZ(t).toFixed(2).replace("-", "\u2212")}`);
    await expect(statistics.getByTestId("stat-srm")).toContainText("as planned");
    await expect(page.getByTestId("intervals").locator(".recharts-surface")).toHaveCount(2);
    await expect(page.getByTestId("rates-over-time").locator(".recharts-surface")).toHaveCount(1);
    await expect(page.getByTestId("warnings")).toHaveCount(0);
  });

  test("warns of a sample-ratio mismatch", async ({ page }) => {
    const t = seeded("srm");
    await page.goto(`/ab-tests/${t.id}`);
    await expect(page.locator('[data-warning="srm"]')).toContainText("Sample-ratio mismatch");
    await expect(page.getByTestId("stat-srm")).toContainText("mismatch");
  });

  test.describe("an unknown id", () => {
    // The browser logs the 404 it received: that is the point.
    test.use({ allowedConsoleError: /status of 404/ });
    test("answers 404 with the not-found page", async ({ page }) => {
    const response = await page.goto("/ab-tests/00000000-0000-4000-8000-000000000000");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("A/B test not found");
    await page.getByRole("link", { name: "All A/B tests" }).click();
    await expect(page).toHaveURL("/ab-tests");
    });
  });
});

test.describe("starting a test", () => {
  test("refuses bad input field by field and writes nothing", async ({ page }) => {
    const before = testCount();
    const original = seeded("significant");
    await page.goto("/ab-tests/new");
    await page.getByLabel("Variant A (control)").selectOption({ label: `${original.model_type} ${original.variant_a_model}` });
    await page.getByLabel("Variant B (candidate)").selectOption({ label: `${original.model_type} ${original.variant_a_model}` });
    await page.getByLabel("Traffic to B (%)").fill("150");
    await page.getByTestId("create-ab-test-submit").click();
    await expect(page.getByTestId("form-error")).toContainText("3 fields need attention; nothing was saved.");
    await expect(page.getByTestId("error-name")).toContainText("Name the test");
    await expect(page.getByTestId("error-variantBRunId")).toContainText("different model version");
    await expect(page.getByTestId("error-trafficSplit")).toContainText("1 to 99");
    expect(testCount()).toBe(before);
  });

  test("starts a test between two versions and counts their labelled predictions since its start", async ({ page }) => {
    const original = seeded("inconclusive");
    const id = await startCopyOf(page, original, "e2e: started copy");
    const created = abTest(db, id);
    expect(created.status).toBe("running");
    const a = recount(db, original.variant_a_run_id, created.started_at);
    expect([created.variant_a_samples, created.variant_a_successes]).toEqual([a.samples, a.successes]);
    await expect(page.getByTestId("rate-a")).toHaveText(percent(a.successes / a.samples));
  });
});

test.describe("refreshing from predictions", () => {
  test("recounts samples and successes from the labelled predictions in the window", async ({ page }) => {
    const id = await startCopyOf(page, seeded("srm"), "e2e: refresh");
    const writable = openWritableE2eDatabase();
    try {
      writable.prepare("UPDATE ab_test_results SET variant_a_samples = 0, variant_a_successes = 0, variant_b_samples = 0, variant_b_successes = 0 WHERE id = ?").run(id);
    } finally {
      writable.close();
    }
    await page.reload();
    await expect(page.getByTestId("rate-a")).toHaveText("—");
    await page.getByTestId("refresh-submit").click();
    const stale = abTest(db, id);
    const a = recount(db, stale.variant_a_run_id, stale.started_at);
    const b = recount(db, stale.variant_b_run_id, stale.started_at);
    await expect(page.getByTestId("refresh-status")).toHaveText(`Counts refreshed from predictions: ${count(a.samples)} samples for A, ${count(b.samples)} for B.`);
    await expect(page.getByTestId("rate-b")).toHaveText(percent(b.successes / b.samples));
    expect(abTest(db, id)).toMatchObject({ variant_a_samples: a.samples, variant_a_successes: a.successes, variant_b_samples: b.samples, variant_b_successes: b.successes });
  });
});

test.describe("closing a test", () => {
  test("a significant test closes with its winner, and the page shows the decision record", async ({ page }) => {
    const id = await startCopyOf(page, seeded("significant"), "e2e: significant");
    await expect(page.getByTestId("override-section")).toHaveCount(0);
    await expect(page.getByTestId("decided-by")).toHaveText(`Recorded as decided by ${ADMIN}, the signed-in user.`);
    await fillDecision(page, { winner: "B", reason: "B is clearly better on live traffic." });
    await page.getByTestId("close-submit").click();
    await expect(page.getByTestId("decision-winner")).toContainText("B");
    await expect(page.getByTestId("decision-by")).toHaveText(ADMIN);
    await expect(page.getByTestId("decision-reason")).toHaveText("B is clearly better on live traffic.");
    await expect(page.getByTestId("decision-statistics")).toContainText("p < 0.001");
    await expect(page.getByTestId("status")).toHaveText("closed");
    await expect(page.getByTestId("close-form")).toHaveCount(0);
    const closed = abTest(db, id);
    expect(closed).toMatchObject({ status: "closed", winner: "B", decided_by: ADMIN });
    expect(closed.statistical_significance!).toBeLessThan(0.001);
    expect(closed.ended_at).toBe(closed.decided_at);
  });

  test("an inconclusive test is refused without override, and closes with override and a reason", async ({ page }) => {
    const id = await startCopyOf(page, seeded("inconclusive"), "e2e: inconclusive");
    await expect(page.getByTestId("override-section")).toContainText("not significant");
    await fillDecision(page, { winner: "tie", reason: "No difference." });
    await page.getByTestId("close-submit").click();
    await expect(page.getByTestId("form-error")).toContainText("not ready to decide");
    await expect(page.getByTestId("error-override")).toContainText("tick the override");
    expect(abTest(db, id).status).toBe("running");

    await page.getByLabel("Decide despite the warnings", { exact: true }).check();
    await page.getByLabel("Why decide despite the warnings").fill("Shipping deadline; the versions are equivalent for users.");
    await page.getByTestId("close-submit").click();
    await expect(page.getByTestId("decision-winner")).toHaveText("Tie");
    await expect(page.getByTestId("decision-reason")).toContainText("Decided despite: not significant");
    expect(abTest(db, id)).toMatchObject({ status: "closed", winner: "tie" });
  });

  test("a second close by another user is refused, saying who closed it, and changes nothing", async ({ page, browser }) => {
    const id = await startCopyOf(page, seeded("significant"), "e2e: closed twice");
    const editor = await browser.newContext({ storageState: storageStateOf("editor") });
    const other = await editor.newPage();
    await other.goto(`/ab-tests/${id}`);
    await expect(other.getByTestId("decided-by")).toContainText(E2E_USERS.editor.username);
    await fillDecision(page, { winner: "B", reason: "B wins." });
    await page.getByTestId("close-submit").click();
    await expect(page.getByTestId("decision-by")).toHaveText(ADMIN);

    await fillDecision(other, { winner: "A", reason: "A wins." });
    await other.getByTestId("close-submit").click();
    await expect(other.getByTestId("form-error")).toContainText(`already closed by ${ADMIN}`);
    expect(abTest(db, id)).toMatchObject({ winner: "B", decided_by: ADMIN });
    await editor.close();
  });

  test("bad input (no reason, an unknown variant) is refused with field errors and writes nothing", async ({ page }) => {
    const id = await startCopyOf(page, seeded("significant"), "e2e: bad close");
    const form = page.getByTestId("close-form");
    await form.getByRole("radio", { name: /^B wins/ }).evaluate((radio: HTMLInputElement) => {
      radio.value = "C";
      radio.checked = true;
    });
    await page.getByTestId("close-submit").click();
    await expect(page.getByTestId("form-error")).toContainText("2 fields need attention; nothing was saved.");
    await expect(page.getByTestId("error-winner")).toContainText("“C” is not a variant of this test");
    await expect(page.getByTestId("error-reason")).toContainText("Give the reason");
    expect(abTest(db, id)).toMatchObject({ status: "running", winner: null, decided_by: null });
  });
});

test("screenshots of the A/B test pages, light and dark, desktop and narrow, never wider than the screen", async ({ page }) => {
  // Twenty full-page loads and screenshots.
  test.slow();
  const closed = abTests(db).find((t) => t.status === "closed" && t.decided_by !== null && !t.test_name.startsWith("e2e"))!;
  const pages = [
    { url: "/ab-tests", name: "ab-tests-list" },
    { url: `/ab-tests/${seeded("significant").id}`, name: "ab-test-significant" },
    { url: `/ab-tests/${seeded("srm").id}`, name: "ab-test-srm" },
    { url: `/ab-tests/${closed.id}`, name: "ab-test-closed" },
    { url: "/ab-tests/new", name: "ab-test-new" },
  ];
  for (const colorScheme of ["light", "dark"] as const) {
    for (const viewport of [{ name: "desktop", width: 1440, height: 1000 }, { name: "narrow", width: 390, height: 844 }]) {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
      for (const { url, name } of pages) {
        await page.goto(url);
        await page.waitForLoadState("networkidle");
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${name} ${viewport.name}`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `screenshots/${name}-${colorScheme}-${viewport.name}.png`, fullPage: true });
      }
    }
  }
});
