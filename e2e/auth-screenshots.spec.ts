import { ANONYMOUS } from "./support/auth";
import { serverUrl } from "./support/servers";
import { expect, test } from "./support/test";

// Screenshots of the access-control pages in both themes, into screenshots/ (git-ignored), to look at.
const SIGNED_IN = [
  { url: "/settings/api-keys", name: "settings-api-keys" },
  { url: "/settings/users", name: "settings-users" },
];

for (const colorScheme of ["light", "dark"] as const) {
  test(`access-control screenshots, ${colorScheme}`, async ({ page, browser }) => {
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    for (const { url, name } of SIGNED_IN) {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
      await page.screenshot({ path: `screenshots/${name}-${colorScheme}.png`, fullPage: true });
    }
    const anonymous = await browser.newContext({ storageState: ANONYMOUS, colorScheme, viewport: { width: 1440, height: 900 } });
    const visitor = await anonymous.newPage();
    await visitor.goto("/sign-in");
    await visitor.getByTestId("sign-in-submit").click();
    await expect(visitor.getByTestId("error-username")).toBeVisible();
    await visitor.screenshot({ path: `screenshots/sign-in-${colorScheme}.png`, fullPage: true });
    await anonymous.close();
  });
}

test.describe("the setup page", () => {
  test.use({ storageState: ANONYMOUS });
  // Runs before settings.spec.ts's setup test would close it only if ordered first; it skips once an admin exists.
  test("screenshot, light and dark", async ({ page }) => {
    await page.goto(`${serverUrl("fresh")}/setup`);
    test.skip(!page.url().endsWith("/setup"), "setup already done on the fresh server");
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
      await page.screenshot({ path: `screenshots/setup-${colorScheme}.png`, fullPage: true });
    }
  });
});
