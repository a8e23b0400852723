import { SECTIONS } from "./support/sections";
import { expect, test } from "./support/test";

test.use({ viewport: { width: 390, height: 844 } });

test("the sidebar folds into a menu button that opens and closes the navigation", async ({ page }) => {
  await page.goto("/");
  const menu = page.getByRole("button", { name: /navigation/ });
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Runs" })).toBeHidden();

  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "Runs" })).toBeVisible();
  await nav.getByRole("link", { name: "A/B tests" }).click();
  await expect(page).toHaveURL("/ab-tests");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("A/B tests");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Runs" })).toBeHidden();

  await menu.click();
  await expect(nav.getByRole("link", { name: "A/B tests" })).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Runs" })).toBeHidden();
});

test("no page is wider than a phone screen", async ({ page }) => {
  for (const { path } of SECTIONS) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
});

test("on a phone the A/B tests table is one block per test, each value named, with nothing to scroll sideways", async ({ page }) => {
  await page.goto("/ab-tests");
  const scroller = page.getByTestId("ab-tests-table").locator("..");
  const sideways = await scroller.evaluate((element) => element.scrollWidth - element.clientWidth);
  expect(sideways).toBeLessThanOrEqual(0);
  await expect(page.getByTestId("ab-tests-table").locator("thead")).toBeHidden();
  const firstRow = page.getByTestId("ab-test-row").first();
  const label = await firstRow.locator('td[data-column="pvalue"]').evaluate((cell) => getComputedStyle(cell, "::before").content);
  expect(label).toBe('"p-value"');
});
