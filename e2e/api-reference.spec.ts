import { readFileSync } from "node:fs";
import { e2eApiKey } from "./support/api-key";
import { expect, test } from "./support/test";

type Document = { paths: Record<string, Record<string, { operationId: string; "x-scope": string }>> };

test("the API page shows every operation of the OpenAPI document with its method, path, scope and examples", async ({ page, request }) => {
  const response = await request.get("/api/v1/openapi.json", { headers: { Authorization: `Bearer ${await e2eApiKey("read")}` } });
  expect(response.status()).toBe(200);
  const document = (await response.json()) as Document;
  const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), ...operation })));
  expect(operations.length).toBeGreaterThan(8);

  await page.goto("/api-reference");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("API");
  await expect(page).toHaveTitle("API · RALL Dashboard");
  for (const operation of operations) {
    const card = page.locator(`[data-operation="${operation.operationId}"]`);
    await expect(card.getByRole("heading", { level: 3 })).toHaveText(`${operation.method}${operation.path}`);
    await expect(card).toContainText(`scope ${operation["x-scope"]}`);
    if (operation.method !== "GET") await expect(card.locator("pre").first()).toContainText("Idempotency-Key");
  }

  // The batch's item fields, with the limits the zod schema (and the table's CHECKs) set.
  const predictions = page.locator('[data-operation="logPredictions"]');
  await expect(predictions.getByRole("table").first()).toContainText('Body: { "items": [ … ] } with 1 to 10,000 items, each:');
  await expect(predictions.locator('tr[data-field="confidence"]')).toContainText("0 to 1");
  await expect(predictions.locator('tr[data-field="predictionType"]')).toContainText("one of classification, routing, optimization");
  await expect(predictions.locator('tr[data-field="queryId"]')).toContainText("required");
  await expect(predictions).toContainText("rall.log_predictions(run_id");

  // Grouped by resource, reachable from the contents.
  await page.getByRole("navigation", { name: "API resources" }).getByRole("link", { name: "A/B tests" }).click();
  await expect(page).toHaveURL(/#a-b-tests$/);
});

test("links the ML integration guide from the page header, served as the repository's docs/ml-integration-guide.md", async ({ page }) => {
  await page.goto("/api-reference");
  const link = page.getByRole("link", { name: "ML integration guide" });
  await expect(link).toHaveAttribute("href", "/api-reference/ml-integration-guide.md");
  const response = await page.request.get("/api-reference/ml-integration-guide.md");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  expect(await response.text()).toBe(readFileSync("docs/ml-integration-guide.md", "utf8"));
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`API page screenshot, ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    await page.goto("/api-reference");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("API");
    await page.screenshot({ path: `screenshots/api-reference-${colorScheme}.png` });
    await page.locator('[data-operation="logPredictions"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `screenshots/api-reference-predictions-${colorScheme}.png` });
  });
}
