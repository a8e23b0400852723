import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";

const DARK_BACKGROUND = "rgb(11, 11, 13)";
const LIGHT_BACKGROUND = "rgb(247, 247, 248)";

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const themeAttribute = (page: Page) => page.locator("html").getAttribute("data-theme");

test("choosing Dark applies it at once and keeps it across a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  expect(await background(page)).toBe(LIGHT_BACKGROUND);

  await page.getByRole("radio", { name: "Dark" }).check();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await background(page)).toBe(DARK_BACKGROUND);

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("radio", { name: "Dark" })).toBeChecked();
  expect(await background(page)).toBe(DARK_BACKGROUND);

  await page.getByRole("radio", { name: "System" }).check();
  await page.reload();
  expect(await themeAttribute(page)).toBeNull();
  expect(await background(page)).toBe(LIGHT_BACKGROUND);
});

test("System follows the operating system's colour scheme", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/runs");
  await expect(page.getByRole("radio", { name: "System" })).toBeChecked();
  expect(await themeAttribute(page)).toBeNull();
  expect(await background(page)).toBe(DARK_BACKGROUND);
});

test("the theme switcher works from the keyboard", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("radio", { name: "System" }).focus();
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("radio", { name: "Dark" })).toBeChecked();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.keyboard.press("ArrowLeft");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
});

test.describe("before any script bundle runs", () => {
  test.use({ allowedConsoleError: /Failed to load resource/ });

  test("a stored dark choice is already applied, so the page never flashes light", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.addInitScript(() => localStorage.setItem("rall-theme", "dark"));
    // Without the app's JavaScript only the inline head script can set the theme.
    await page.route("**/_next/static/**/*.js", (route) => route.abort());
    await page.goto("/");
    expect(await themeAttribute(page)).toBe("dark");
    expect(await background(page)).toBe(DARK_BACKGROUND);
  });
});
