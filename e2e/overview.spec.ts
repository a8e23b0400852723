import type Database from "better-sqlite3";
import { openE2eDatabase } from "./support/e2e-database";
import { count, newestVersionFirst, percent, wilson } from "./support/expected";
import { expect, test } from "./support/test";

const DAY_MS = 86_400_000;

let db: Database.Database;
test.beforeAll(() => {
  db = openE2eDatabase();
});
test.afterAll(() => db.close());

const scalar = (sql: string, ...params: unknown[]) => Object.values(db.prepare(sql).get(...params) as object)[0] as number;

test.beforeEach(async ({ page }) => {
  await page.goto("/");
});

test("the training run figures match the database, in total and per model type", async ({ page }) => {
  const total = scalar("SELECT COUNT(*) FROM model_training_runs");
  const running = scalar("SELECT COUNT(*) FROM model_training_runs WHERE completed_at IS NULL");
  expect(total, "the seeded database has runs").toBeGreaterThan(0);
  await expect(page.getByTestId("runs-total")).toHaveText(count(total));
  await expect(page.getByTestId("runs-completed")).toHaveText(count(total - running));
  await expect(page.getByTestId("runs-running")).toHaveText(count(running));

  for (const type of ["classifier", "routing", "optimization"]) {
    const ofType = scalar("SELECT COUNT(*) FROM model_training_runs WHERE model_type = ?", type);
    const runningOfType = scalar("SELECT COUNT(*) FROM model_training_runs WHERE model_type = ? AND completed_at IS NULL", type);
    await expect(page.getByTestId(`runs-${type}-total`)).toHaveText(count(ofType));
    await expect(page.getByTestId(`runs-${type}-completed`)).toHaveText(count(ofType - runningOfType));
    await expect(page.getByTestId(`runs-${type}-running`)).toHaveText(count(runningOfType));
  }
});

test("the A/B test figures match the database and link to the A/B tests page", async ({ page }) => {
  await expect(page.getByTestId("ab-tests-running")).toHaveText(count(scalar("SELECT COUNT(*) FROM ab_test_results WHERE status = 'running'")));
  await expect(page.getByTestId("ab-tests-closed")).toHaveText(count(scalar("SELECT COUNT(*) FROM ab_test_results WHERE status = 'closed'")));
  await page.getByRole("link", { name: "A/B tests running" }).click();
  await expect(page).toHaveURL("/ab-tests");
});

test("each running A/B test listed opens its own page", async ({ page }) => {
  const listed = page.getByTestId("running-ab-test");
  await expect(listed).toHaveCount(Math.min(5, scalar("SELECT COUNT(*) FROM ab_test_results WHERE status = 'running'")));
  const name = (await listed.first().textContent())!;
  const id = (await listed.first().getAttribute("href"))!.split("/").pop()!;
  expect(scalar("SELECT COUNT(*) FROM ab_test_results WHERE id = ? AND test_name = ? AND status = 'running'", id, name)).toBe(1);
  await listed.first().click();
  await expect(page).toHaveURL(`/ab-tests/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
});

test("labelled predictions match the database", async ({ page }) => {
  await expect(page.getByTestId("predictions-labelled")).toHaveText(count(scalar("SELECT COUNT(*) FROM model_predictions WHERE labeled_at IS NOT NULL")));
  await expect(page.getByTestId("predictions-total")).toHaveText(count(scalar("SELECT COUNT(*) FROM model_predictions")));
});

test("queries of the last 7 days and the 7 before match the database, with the change between them", async ({ page }) => {
  const figure = page.locator("[data-window-end]");
  const end = await figure.getAttribute("data-window-end");
  expect(end).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  // The windows end at the time of the request, not at some fixed or cached instant.
  expect(Math.abs(Date.now() - Date.parse(end!))).toBeLessThan(5 * 60_000);

  const at = (daysBefore: number) => new Date(Date.parse(end!) - daysBefore * DAY_MS).toISOString();
  const inWindow = (from: string, to: string) => scalar("SELECT COUNT(*) FROM queries WHERE timestamp >= ? AND timestamp < ?", from, to);
  const current = inWindow(at(7), end!);
  const previous = inWindow(at(14), at(7));
  await expect(page.getByTestId("queries-7d-current")).toHaveText(count(current));
  await expect(page.getByTestId("queries-7d-previous")).toHaveText(count(previous));

  let change: string;
  if (previous === 0) change = current === 0 ? "no change" : "new";
  else if (current === previous) change = "0%";
  else change = `${current > previous ? "+" : "\u2212"}${percent(Math.abs(current - previous) / previous)}`;
  await expect(page.getByTestId("queries-7d-change")).toHaveText(change);

  const firstDay = `${at(29).slice(0, 10)}T00:00:00.000Z`;
  await expect(page.getByTestId("queries-30d-total")).toHaveText(count(inWindow(firstDay, end!)));
  await expect(page.getByTestId("queries-per-day-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
});

const labelledCount = (runId: string) =>
  db
    .prepare("SELECT COALESCE(SUM(is_correct), 0) AS correct, COUNT(is_correct) AS labelled FROM model_predictions WHERE model_run_id = ?")
    .get(runId) as { correct: number; labelled: number };

test("live accuracy is of the latest version by semver, over labelled predictions, beside training accuracy", async ({ page }) => {
  type Run = { id: string; model_version: string; accuracy: number | null };
  let measuredRows = 0;
  for (const type of ["classifier", "routing", "optimization"]) {
    const runs = db.prepare("SELECT id, model_version, accuracy FROM model_training_runs WHERE model_type = ?").all(type) as Run[];
    const latest = runs.sort((a, b) => newestVersionFirst(a.model_version, b.model_version))[0]!;
    const { correct, labelled } = labelledCount(latest.id);

    const row = `latest-accuracy-${type}`;
    await expect(page.getByTestId(`${row}-version`)).toHaveText(latest.model_version);
    await expect(page.getByTestId(`${row}-labelled`)).toHaveText(count(labelled));
    await expect(page.getByTestId(`${row}-training`)).toHaveText(latest.accuracy === null ? "\u2014" : percent(latest.accuracy));
    if (labelled === 0) {
      await expect(page.getByTestId(`${row}-live`)).toHaveText("\u2014");
      await expect(page.getByTestId(`${row}-interval`)).toHaveCount(0);
      // Meanwhile the row names the newest older version that has ground truth.
      const measured = runs.slice(1).find((run) => labelledCount(run.id).labelled > 0);
      if (measured) {
        measuredRows += 1;
        const counts = labelledCount(measured.id);
        await expect(page.getByTestId(`${row}-measured`)).toHaveText(`newest measured: ${measured.model_version} · ${percent(counts.correct / counts.labelled)}`);
      }
    } else {
      await expect(page.getByTestId(`${row}-measured`)).toHaveCount(0);
      const [lower, upper] = wilson(correct, labelled);
      await expect(page.getByTestId(`${row}-live`)).toHaveText(percent(correct / labelled));
      await expect(page.getByTestId(`${row}-interval`)).toHaveText(`${percent(lower)} – ${percent(upper)}`);
    }
  }
  // The demo data's newest classifier is still training, so at least one row names the newest measured version.
  expect(measuredRows).toBeGreaterThan(0);
});

test("the section links show each section's count and lead to it", async ({ page }) => {
  const sections = page.getByRole("navigation", { name: "Sections" });
  await expect(sections.getByRole("link", { name: /^Runs/ })).toContainText(`${count(scalar("SELECT COUNT(*) FROM model_training_runs"))} training runs recorded`);
  await expect(sections.getByRole("link", { name: /^Telemetry/ })).toContainText(`${count(scalar("SELECT COUNT(*) FROM queries"))} queries`);
  await sections.getByRole("link", { name: /^Features/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Features");
});
