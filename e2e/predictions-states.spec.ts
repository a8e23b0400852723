import { serverUrl } from "./support/servers";
import { expect, test } from "./support/test";

test.describe("predictions on an empty database", () => {
  for (const path of ["/predictions", "/predictions/performance", "/predictions/compare"]) {
    test(`${path} says no predictions are recorded and how to get some`, async ({ page }) => {
      await page.goto(`${serverUrl("empty")}${path}`);
      await expect(page.getByTestId("predictions-empty").getByRole("heading")).toHaveText("0 predictions recorded");
      await expect(page.getByText("npm run db:seed -- --size demo")).toBeVisible();
    });
  }
});

test.describe("predictions when the database cannot be read", () => {
  test.use({ allowedConsoleError: /React error #441/ });

  test("the error boundary offers to try again and a way back", async ({ page }) => {
    await page.goto(`${serverUrl("broken")}/predictions`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The predictions could not be loaded");
    await expect(page.getByRole("link", { name: "Back to Overview" })).toBeVisible();
  });
});

// Screenshots of the predictions pages in both themes at desktop and phone widths, into screenshots/.
const PAGES = [
  { url: () => "/predictions", name: "predictions", heading: "Predictions" },
  { url: () => "/predictions/performance", name: "predictions-performance", heading: "Model performance" },
  { url: () => "/predictions/compare", name: "predictions-compare", heading: "Compare two versions" },
];
for (const colorScheme of ["light", "dark"] as const) {
  for (const size of [{ name: "desktop", width: 1440, height: 1000 }, { name: "narrow", width: 390, height: 844 }]) {
    test(`predictions screenshots, ${colorScheme}, ${size.name}`, async ({ page }) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
      for (const { url, name, heading } of PAGES) {
        await page.goto(url());
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
        await page.waitForLoadState("networkidle");
        if (size.name === "narrow") {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${url()} scrolls sideways`).toBeLessThanOrEqual(0);
        }
        await page.screenshot({ path: `screenshots/${name}-${colorScheme}-${size.name}.png`, fullPage: true });
      }
    });
  }
}
