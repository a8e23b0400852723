import { SECTIONS } from "./support/sections";
import { serverUrl } from "./support/servers";
import { expect, test } from "./support/test";

// Screenshots of every page in both themes at desktop and phone widths, into screenshots/ (git-ignored), for
// people to look at; the console guard still applies to each.
// The schema pages are long and slow to capture: e2e/schema.spec.ts takes their screenshots.
const PAGES = [
  ...SECTIONS.filter(({ path }) => path !== "/schema").map(({ label, path }) => ({ label, url: path, name: path === "/" ? "overview" : path.slice(1) })),
  { label: "Page not found", url: "/no-such-page", name: "not-found" },
  { label: "Overview", url: `${serverUrl("empty")}/`, name: "overview-empty-database" },
  { label: "This page could not be loaded", url: `${serverUrl("broken")}/`, name: "overview-error" },
];
const SIZES = [
  { name: "desktop", viewport: { width: 1440, height: 1000 } },
  { name: "narrow", viewport: { width: 390, height: 844 } },
] as const;

// The not-found page logs its 404; the error page logs the server error it caught (React error #441).
test.use({ allowedConsoleError: /status of 404.*no-such-page|React error #441/ });

for (const colorScheme of ["light", "dark"] as const) {
  for (const size of SIZES) {
    test(`screenshots, ${colorScheme}, ${size.name}`, async ({ page }) => {
      // A dozen pages, full length, on a machine that may be busy.
      test.setTimeout(120_000);
      await page.setViewportSize(size.viewport);
      await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
      for (const { label, url, name } of PAGES) {
        await page.goto(url);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(label);
        await page.waitForLoadState("networkidle");
        await page.screenshot({ path: `screenshots/${name}-${colorScheme}-${size.name}.png`, fullPage: true });
      }
    });
  }
}
