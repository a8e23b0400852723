import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import type { Download, Page } from "@playwright/test";
import { openE2eDatabase } from "./support/e2e-database";
import { count } from "./support/expected";
import { serverUrl } from "./support/servers";
import { expect, test } from "./support/test";

let db: Database.Database;
test.beforeAll(() => {
  db = openE2eDatabase();
});
test.afterAll(() => db.close());

// The tests build on each other: the snapshot saved first is downloaded, verified and cited by a run.
test.describe.configure({ mode: "serial" });

const snapshotCount = () => db.prepare("SELECT COUNT(*) FROM training_data_snapshots").pluck().get() as number;

async function downloadBytes(download: Download): Promise<Buffer> {
  return Buffer.concat(await (await download.createReadStream()).toArray());
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function shoot(page: Page, name: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    await page.screenshot({ path: `screenshots/${name}-${colorScheme}-desktop.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

let snapshotId = "";
let snapshotHash = "";

test("an empty database shows how to save the first snapshot", async ({ page }) => {
  await page.goto(`${serverUrl("empty")}/features/snapshots`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Training-data snapshots");
  await expect(page.getByTestId("no-snapshots")).toContainText("Save one from the export form");
  await shoot(page, "features-snapshots-empty");
});

test("a snapshot without a name, or with a bad window, is refused beside each field and nothing is saved", async ({ page }) => {
  const before = snapshotCount();
  await page.goto("/features");
  const form = page.getByTestId("save-snapshot-form");
  await form.getByLabel("Last days").fill("0");
  await form.getByRole("button", { name: "Save snapshot" }).click();
  await expect(form.getByTestId("form-error")).toContainText("2 fields need attention; no snapshot was saved.");
  await expect(form.getByTestId("error-name")).toHaveText("Name the snapshot, such as “classifier 2.4 training set”.");
  await expect(form.getByTestId("error-days")).toHaveText("Days must be at least 1.");
  await expect(form.getByLabel("Last days")).toHaveValue("0");
  await form.scrollIntoViewIfNeeded();
  await shoot(page, "features-save-snapshot-errors");
  expect(snapshotCount()).toBe(before);
});

test("saving from /features opens the snapshot, with its name scrubbed of personal data, and lists it on /features/snapshots", async ({ page }) => {
  const before = snapshotCount();
  await page.goto("/features");
  const form = page.getByTestId("save-snapshot-form");
  await form.getByLabel("Format").selectOption("jsonl");
  await form.getByLabel("Last days").fill("3650");
  await form.getByLabel("Labelled only").check();
  await form.getByLabel("Snapshot name").fill("E2E labelled set for ana@example.com");
  await form.getByLabel("Notes (optional)").fill("Saved by the e2e suite.");
  await form.getByRole("button", { name: "Save snapshot" }).click();

  // Saving exports and hashes every row: seconds on the demo data, longer while other suites share the machine.
  await expect(page).toHaveURL(/\/features\/snapshots\/[0-9a-f-]{36}\?saved=1$/, { timeout: 60_000 });
  snapshotId = new URL(page.url()).pathname.split("/").at(-1)!;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("E2E labelled set for [EMAIL]");
  await expect(page.getByTestId("snapshot-saved")).toBeVisible();
  expect(snapshotCount()).toBe(before + 1);
  const row = db.prepare("SELECT * FROM training_data_snapshots WHERE id = ?").get(snapshotId) as Record<string, unknown>;
  expect(row).toMatchObject({ name: "E2E labelled set for [EMAIL]", format: "jsonl", days: 3650, labelled_only: 1, embedding_model: null });
  snapshotHash = row.content_sha256 as string;
  await expect(page.getByTestId("snapshot-hash")).toHaveText(snapshotHash);
  await expect(page.getByTestId("snapshot-rows")).toHaveText(count(row.row_count as number));
  await shoot(page, "features-snapshot-detail");

  await page.goto("/features/snapshots");
  const listed = page.locator(`[data-testid="snapshot-row"][data-snapshot-id="${snapshotId}"]`);
  await expect(listed.getByRole("link", { name: "E2E labelled set for [EMAIL]" })).toBeVisible();
  await expect(listed.getByTestId("snapshot-hash")).toHaveText(`${snapshotHash.slice(0, 12)}…`);
  await expect(listed.getByTestId("snapshot-hash")).toHaveAttribute("title", snapshotHash);
  await expect(listed.getByTestId("snapshot-rows")).toHaveText(count(row.row_count as number));
  await expect(listed.getByTestId("snapshot-filters")).toContainText("labelled only");
  await expect(page.getByTestId("page-status")).toContainText(`of ${count(snapshotCount())}`);
  await shoot(page, "features-snapshots");
});

test("a snapshot's hash matches a re-export: the downloaded bytes hash to the SHA-256 shown", async ({ page }) => {
  await page.goto(`/features/snapshots/${snapshotId}`);
  const shown = await page.getByTestId("snapshot-hash").getAttribute("data-sha256");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("snapshot-download").click()]);
  expect(download.suggestedFilename()).toBe("e2e-labelled-set-for-email.jsonl");
  const bytes = await downloadBytes(download);
  expect(sha256(bytes)).toBe(shown);
  expect(sha256(bytes)).toBe(snapshotHash);
  // Every line is a labelled training example; as many as the snapshot counted.
  const lines = bytes.toString("utf8").trim().split("\n").map((line) => JSON.parse(line) as { positive_label: number | null });
  expect(lines.length).toBe(db.prepare("SELECT row_count FROM training_data_snapshots WHERE id = ?").pluck().get(snapshotId));
  expect(lines.every((line) => line.positive_label !== null)).toBe(true);
});

test("the re-export API says whether the content is unchanged, and answers an unknown snapshot with 404", async ({ request }) => {
  const response = await request.get(`/api/v1/export/training-data/snapshots/${snapshotId}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["x-snapshot-unchanged"]).toBe("true");
  expect(response.headers()["x-content-sha256"]).toBe(snapshotHash);
  expect(sha256(await response.body())).toBe(snapshotHash);

  const missing = await request.get("/api/v1/export/training-data/snapshots/no-such-snapshot");
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({ error: 'No training-data snapshot has the id "no-such-snapshot".' });
});

test("verify re-exports the snapshot and says it is unchanged", async ({ page }) => {
  await page.goto(`/features/snapshots/${snapshotId}`);
  await page.getByTestId("snapshot-verify").click();
  const verdict = page.getByTestId("snapshot-verdict");
  await expect(verdict).toHaveAttribute("data-status", "unchanged", { timeout: 60_000 });
  await expect(verdict).toContainText("Unchanged: a re-export gives byte-identical content (the SHA-256 matches).");
  await expect(verdict.getByTestId("verified-hash")).toHaveAttribute("data-sha256", snapshotHash);
  await shoot(page, "features-snapshot-verified");
});

test.describe("an unknown snapshot", () => {
  // The browser logs the 404 it was answered with.
  test.use({ allowedConsoleError: /status of 404.*no-such-snapshot/ });

  test("is a 404 page", async ({ page }) => {
    const response = await page.goto("/features/snapshots/no-such-snapshot");
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId("snapshot-not-found")).toBeVisible();
  });
});

async function fillRun(page: Page, version: string) {
  await page.goto("/runs/new");
  await page.getByLabel("Model type", { exact: true }).selectOption("routing");
  await page.getByLabel("Version", { exact: true }).fill(version);
  await page.getByLabel("Started (UTC)", { exact: true }).fill("2026-11-21T08:00");
  await page.getByLabel("Training samples", { exact: true }).fill("1200");
}

test("a run registered with a snapshot shows it on its page, and the snapshot lists the run", async ({ page }) => {
  await fillRun(page, "0.1.0-e2e.snapshot");
  await page.getByLabel("Training-data snapshot (optional)").selectOption(snapshotId);
  await page.getByRole("button", { name: "Register run" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  const runId = page.url().split("/").at(-1)!;
  expect(db.prepare("SELECT training_data_snapshot_id FROM model_training_runs WHERE id = ?").pluck().get(runId)).toBe(snapshotId);
  const card = page.getByTestId("run-snapshot");
  await expect(card.getByTestId("run-snapshot-link")).toHaveText("E2E labelled set for [EMAIL]");
  await expect(card.getByTestId("run-snapshot-hash")).toHaveAttribute("data-sha256", snapshotHash);
  await expect(card.getByTestId("snapshot-filters")).toContainText("labelled only");
  await card.scrollIntoViewIfNeeded();
  await shoot(page, "run-with-snapshot");

  await card.getByTestId("run-snapshot-link").click();
  await expect(page).toHaveURL(new RegExp(`/features/snapshots/${snapshotId}$`));
  await expect(page.getByTestId("snapshot-runs").getByRole("link", { name: "routing 0.1.0-e2e.snapshot" })).toBeVisible();
});

test("a run citing a snapshot that does not exist is refused beside the field, and nothing is saved", async ({ page }) => {
  const before = db.prepare("SELECT COUNT(*) FROM model_training_runs").pluck().get();
  await fillRun(page, "0.1.0-e2e.nosnapshot");
  const select = page.getByLabel("Training-data snapshot (optional)");
  // A snapshot deleted after the form loaded: its option still posts the old id.
  await select.evaluate((element: HTMLSelectElement) => element.add(new Option("gone", "deleted-snapshot")));
  await select.selectOption("deleted-snapshot");
  await page.getByRole("button", { name: "Register run" }).click();
  await expect(page.getByTestId("error-trainingDataSnapshotId")).toHaveText("No snapshot has this id. Choose one of the saved snapshots, or none.");
  await expect(page.getByTestId("form-error")).toContainText("The training-data snapshot chosen does not exist; nothing was saved.");
  expect(db.prepare("SELECT COUNT(*) FROM model_training_runs").pluck().get()).toBe(before);
});
