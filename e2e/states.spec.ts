import { serverUrl } from "./support/servers";
import { expect, test } from "./support/test";

test.describe("on an empty database", () => {
  test("the overview explains how to seed demo data instead of showing zeros", async ({ page }) => {
    await page.goto(`${serverUrl("empty")}/`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overview");
    const empty = page.getByTestId("overview-empty");
    await expect(empty.getByRole("heading", { name: "No data yet" })).toBeVisible();
    await expect(empty.getByText("npm run db:seed -- --size demo")).toBeVisible();
    await expect(page.getByTestId("runs-total")).toHaveCount(0);
  });

  test("a section page says nothing is recorded yet and how to get data", async ({ page }) => {
    await page.goto(`${serverUrl("empty")}/runs`);
    await expect(page.getByTestId("section-fact").getByRole("heading")).toHaveText("0 training runs recorded");
    await expect(page.getByText("npm run db:seed -- --size demo")).toBeVisible();
  });
});

test.describe("when the database cannot be read", () => {
  // The error boundary logs what it caught; a production build logs a server error as React's error #441.
  test.use({ allowedConsoleError: /React error #441/ });

  test("the error boundary offers to try again and a way back", async ({ page }) => {
    await page.goto(`${serverUrl("broken")}/`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page could not be loaded");
    await expect(page.getByRole("alert").filter({ hasText: "reading the data" })).toBeVisible();
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page could not be loaded");
    // The navigation still works around the failed page.
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  });
});
