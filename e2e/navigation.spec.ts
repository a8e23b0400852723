import { SECTIONS } from "./support/sections";
import { expect, test } from "./support/test";

test("the sidebar lists exactly the nine sections, in order", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link")).toHaveText(SECTIONS.map((section) => section.label));
});

test("clicking each sidebar entry opens its page, with its heading and only its entry marked current", async ({ page }) => {
  await page.goto("/runs");
  const nav = page.getByRole("navigation", { name: "Main" });
  // Start away from Overview so that clicking it is a real navigation too.
  for (const { label, path } of [...SECTIONS.slice(2), ...SECTIONS.slice(0, 2)]) {
    await nav.getByRole("link", { name: label, exact: true }).click();
    await expect(page).toHaveURL(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(label);
    await expect(page).toHaveTitle(`${label} · RALL Dashboard`);
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
    await expect(nav.getByRole("link", { name: label, exact: true })).toHaveAttribute("aria-current", "page");
  }
});

test("every page loads directly (a hard navigation) without console or page errors", async ({ page }) => {
  for (const { label, path } of SECTIONS) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(label);
  }
});

test.describe("an unknown address", () => {
  test.use({ allowedConsoleError: /status of 404/ });

  test("shows the not-found page with a way back", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await page.getByRole("link", { name: "Back to Overview" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overview");
  });
});
