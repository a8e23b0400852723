import type Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { openE2eDatabase } from "./support/e2e-database";
import { count, percent } from "./support/expected";
import { expect, test } from "./support/test";

let db: Database.Database;
test.beforeAll(() => {
  db = openE2eDatabase();
});
test.afterAll(() => db.close());

const runCount = () => (db.prepare("SELECT COUNT(*) AS n FROM model_training_runs").get() as { n: number }).n;
const redactionCount = () => (db.prepare("SELECT COUNT(*) AS n FROM redaction_log").get() as { n: number }).n;

type Field =
  | "modelType"
  | "modelVersion"
  | "featureSetVersion"
  | "startedAt"
  | "completedAt"
  | "trainingDurationMs"
  | "trainingSamples"
  | "validationSamples"
  | "testSamples"
  | "accuracy"
  | "precision"
  | "recall"
  | "f1Score"
  | "trainingLoss"
  | "validationLoss"
  | "hyperparameters"
  | "notes";

/** Each field by its visible label, as a person finds it. */
const LABELS: Record<Field, string> = {
  modelType: "Model type",
  modelVersion: "Version",
  featureSetVersion: "Feature set version (optional)",
  startedAt: "Started (UTC)",
  completedAt: "Completed (UTC) (optional)",
  trainingDurationMs: "Training duration (ms) (optional)",
  trainingSamples: "Training samples",
  validationSamples: "Validation samples (optional)",
  testSamples: "Test samples (optional)",
  accuracy: "Accuracy (optional)",
  precision: "Precision (optional)",
  recall: "Recall (optional)",
  f1Score: "F1 score (optional)",
  trainingLoss: "Training loss (optional)",
  validationLoss: "Validation loss (optional)",
  hyperparameters: "Hyperparameters (JSON) (optional)",
  notes: "Notes (optional)",
};

// Versions below every seeded one (0.x pre-releases), so the demo data's latest versions stay the latest.
const VALID: Record<Field, string> = {
  modelType: "routing",
  modelVersion: "0.1.0-e2e.1",
  featureSetVersion: "fv-2",
  startedAt: "2026-11-20T08:00",
  completedAt: "2026-11-20T09:30",
  trainingDurationMs: "5400000",
  trainingSamples: "12000",
  validationSamples: "2500",
  testSamples: "2400",
  accuracy: "0.913",
  precision: "0.905",
  recall: "0.921",
  f1Score: "0.913",
  trainingLoss: "0.215",
  validationLoss: "0.248",
  hyperparameters: '{"learning_rate": 0.001, "batch_size": 64, "optimizer": {"name": "adam"}}',
  notes: "Registered by the e2e suite.",
};

const input = (page: Page, field: Field) => page.getByLabel(LABELS[field], { exact: true });

async function fillForm(page: Page, values: Partial<Record<Field, string>>): Promise<void> {
  await page.goto("/runs/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Register a training run");
  const all = { ...VALID, ...values };
  for (const field of Object.keys(LABELS) as Field[]) {
    if (field === "modelType") {
      if (all.modelType) await input(page, field).selectOption(all.modelType);
    } else {
      await input(page, field).fill(all[field]);
    }
  }
}

const submit = (page: Page) => page.getByRole("button", { name: "Register run" }).click();

test("a valid run lands on its own page showing what was entered, is in the database once, and is reachable from /runs", async ({ page }) => {
  const before = runCount();
  await fillForm(page, {});
  await submit(page);

  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").at(-1)!;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Routing 0.1.0-e2e.1");
  await expect(page.getByTestId("run-started")).toHaveAttribute("title", "2026-11-20T08:00:00.000Z");
  await expect(page.getByTestId("run-completed")).toHaveText("2026-11-20 09:30 UTC");
  await expect(page.getByTestId("run-duration")).toHaveText("1 h 30 min");
  await expect(page.getByTestId("run-training-samples")).toHaveText(count(12_000));
  await expect(page.getByTestId("run-test-samples")).toHaveText(count(2_400));
  await expect(page.getByTestId("metric-accuracy")).toHaveText(percent(0.913));
  await expect(page.getByTestId("metric-recall")).toHaveText(percent(0.921));
  await expect(page.getByTestId("metric-validation-loss")).toHaveText("0.248");
  await expect(page.getByTestId("run-feature-set")).toHaveText("fv-2");
  await expect(page.getByTestId("run-notes")).toHaveText("Registered by the e2e suite.");
  await expect(page.locator('[data-testid="hyperparameter"][data-key="optimizer"]')).toContainText('{"name": "adam"}');

  expect(runCount()).toBe(before + 1);
  const row = db.prepare("SELECT * FROM model_training_runs WHERE id = ?").get(id) as Record<string, unknown>;
  expect(row).toMatchObject({
    model_type: "routing",
    model_version: "0.1.0-e2e.1",
    started_at: "2026-11-20T08:00:00.000Z",
    completed_at: "2026-11-20T09:30:00.000Z",
    training_duration_ms: 5_400_000,
    training_samples: 12_000,
    validation_samples: 2_500,
    test_samples: 2_400,
    accuracy: 0.913,
    precision: 0.905,
    recall: 0.921,
    f1_score: 0.913,
    training_loss: 0.215,
    validation_loss: 0.248,
    feature_set_version: "fv-2",
    notes: "Registered by the e2e suite.",
  });
  expect(JSON.parse(row.hyperparameters as string)).toEqual({ learning_rate: 0.001, batch_size: 64, optimizer: { name: "adam" } });

  // The runs table lists it: searching for its version finds exactly this run, whose link leads back to it.
  await page.goto(`/runs?q=${encodeURIComponent("0.1.0-e2e.1")}`);
  const link = page.locator(`a[href="/runs/${id}"]`);
  await expect(link).toHaveCount(1);
  await link.click();
  await expect(page).toHaveURL(`/runs/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Routing 0.1.0-e2e.1");
});

test("every field has a label, and the form says times are UTC and how hyperparameters look", async ({ page }) => {
  await page.goto("/runs/new");
  for (const field of Object.keys(LABELS) as Field[]) await expect(input(page, field), field).toHaveCount(1);
  await expect(page.getByText("Times are in UTC, not your local time zone.")).toBeVisible();
  await expect(input(page, "hyperparameters")).toHaveAccessibleDescription(/A JSON object of names to values/);
});

const INVALID: [string, Partial<Record<Field, string>>, Field, string][] = [
  ["no model type", { modelType: "" }, "modelType", "Choose the model type: classifier, routing, optimization."],
  ["a version that is not semantic", { modelVersion: "1.2" }, "modelVersion", "“1.2” is not a semantic version."],
  ["a metric above 1", { accuracy: "1.5" }, "accuracy", "Accuracy must be between 0 and 1."],
  ["a metric given as a percentage", { precision: "90.5" }, "precision", "Precision must be between 0 and 1: enter 90.5% as 0.905."],
  ["a negative count", { trainingSamples: "-3" }, "trainingSamples", "Training samples cannot be negative."],
  ["a fractional count", { validationSamples: "2.5" }, "validationSamples", "Validation samples must be a whole number, not a fraction."],
  ["a count that is not a number", { testSamples: "many" }, "testSamples", "Test samples must be a whole number, such as 2500."],
  ["a negative loss", { trainingLoss: "-0.1" }, "trainingLoss", "Training loss cannot be negative."],
  ["a fractional duration", { trainingDurationMs: "12.5" }, "trainingDurationMs", "Training duration must be a whole number of milliseconds, not a fraction."],
  ["hyperparameters that do not parse", { hyperparameters: '{"learning_rate": 0.001,}' }, "hyperparameters", "Hyperparameters are not valid JSON:"],
  ["hyperparameters that are not an object", { hyperparameters: "[0.001, 64]" }, "hyperparameters", 'Hyperparameters must be a JSON object, such as {"learning_rate": 0.001}, not an array.'],
  ["no start", { startedAt: "" }, "startedAt", "Enter when training started."],
  ["completion before the start", { completedAt: "2026-11-20T07:59" }, "completedAt", "Completed must not be before started."],
];

test.describe("each invalid input shows its error beside its field and writes nothing", () => {
  for (const [name, values, field, message] of INVALID) {
    test(name, async ({ page }) => {
      const runs = runCount();
      const redactions = redactionCount();
      await fillForm(page, { ...values, modelVersion: values.modelVersion ?? "0.1.0-e2e.invalid", notes: "mail jane@example.com" });
      await submit(page);

      // The error sits in the field's own block and is the field's accessible description.
      const control = input(page, field);
      await expect(page.locator(`[data-field="${field}"]`).getByText(message)).toBeVisible();
      await expect(control).toHaveAttribute("aria-invalid", "true");
      await expect(control).toHaveAccessibleDescription(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
      await expect(page.getByTestId("form-error")).toContainText("nothing was saved");
      // Only the wrong field is marked.
      await expect(page.locator('[aria-invalid="true"]')).toHaveCount(1);
      await expect(page).toHaveURL("/runs/new");

      // What was typed is still there, the wrong value included.
      if (field !== "modelType") await expect(control).toHaveValue(values[field]!);
      await expect(input(page, "notes")).toHaveValue("mail jane@example.com");
      await expect(input(page, "trainingSamples")).toHaveValue(values.trainingSamples ?? VALID.trainingSamples);

      expect(runCount(), "no run was written").toBe(runs);
      expect(redactionCount(), "no redaction was logged").toBe(redactions);
    });
  }
});

test("a version already registered for the model type is refused with a clear message, and nothing is written", async ({ page }) => {
  const existing = db.prepare("SELECT id, model_version FROM model_training_runs WHERE model_type = 'classifier' ORDER BY started_at LIMIT 1").get() as { id: string; model_version: string };
  const runs = runCount();
  await fillForm(page, { modelType: "classifier", modelVersion: existing.model_version });
  await submit(page);

  const message = `classifier ${existing.model_version} is already registered`;
  await expect(page.locator('[data-field="modelVersion"]').getByText(message)).toBeVisible();
  await expect(input(page, "modelVersion")).toHaveAttribute("aria-invalid", "true");
  await expect(input(page, "modelVersion")).toHaveValue(existing.model_version);
  await expect(page.getByTestId("form-error")).toContainText(`${message}; nothing was saved. Choose a new version.`);
  expect(runCount()).toBe(runs);

  await page.getByRole("link", { name: "Open the run already registered under this version" }).click();
  await expect(page).toHaveURL(`/runs/${existing.id}`);
});

test("an email in the notes is stored as [EMAIL] with a redaction-log row naming the pattern, never the address", async ({ page }) => {
  await fillForm(page, { modelVersion: "0.1.0-e2e.2", notes: "Labels checked by jane.doe@example.com; ask her before retraining." });
  await submit(page);
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").at(-1)!;

  await expect(page.getByTestId("run-notes")).toHaveText("Labels checked by [EMAIL]; ask her before retraining.");
  expect((db.prepare("SELECT notes FROM model_training_runs WHERE id = ?").get(id) as { notes: string }).notes).toBe(
    "Labels checked by [EMAIL]; ask her before retraining.",
  );
  const log = db.prepare("SELECT source_table, redaction_type, pattern_matched FROM redaction_log WHERE source_id = ?").all(id);
  expect(log).toEqual([{ source_table: "model_training_runs", redaction_type: "pii", pattern_matched: "email" }]);
  const leaks = db.prepare("SELECT COUNT(*) AS n FROM redaction_log WHERE pattern_matched LIKE '%jane%' OR source_id LIKE '%jane%'").get() as { n: number };
  expect(leaks.n).toBe(0);
});

test("screenshots of the form, empty and with errors, light and dark, desktop and narrow", async ({ page }) => {
  for (const colorScheme of ["light", "dark"] as const) {
    for (const [size, viewport] of [
      ["desktop", { width: 1440, height: 1000 }],
      ["narrow", { width: 390, height: 844 }],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
      await page.goto("/runs/new");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${size} ${colorScheme} scrolls sideways`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `screenshots/run-register-${colorScheme}-${size}.png`, fullPage: true });

      await fillForm(page, { modelVersion: "1.2", accuracy: "91.3", trainingSamples: "-1", hyperparameters: "[1, 2]", completedAt: "2026-11-20T07:00" });
      await submit(page);
      await expect(page.getByTestId("form-error")).toBeVisible();
      await page.screenshot({ path: `screenshots/run-register-errors-${colorScheme}-${size}.png`, fullPage: true });
    }
  }
});
