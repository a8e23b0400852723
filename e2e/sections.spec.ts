import type Database from "better-sqlite3";
import { openE2eDatabase } from "./support/e2e-database";
import { count } from "./support/expected";
import { expect, test } from "./support/test";

let db: Database.Database;
test.beforeAll(() => {
  db = openE2eDatabase();
});
test.afterAll(() => db.close());

const rows = (table: string, where = "1") => count((db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n);

// Sections still to be built; the others are covered by their own specs.
test("each section page says what it will show and what the database holds for it", async ({ page }) => {
  const expected: [string, string][] = [
    ["/schema", `${rows("sqlite_master", "type = 'table' AND name NOT LIKE 'sqlite%' AND name <> '_prisma_migrations'")} tables, ${rows("sqlite_master", "type = 'view'")} views`],
  ];
  for (const [path, fact] of expected) {
    await page.goto(path);
    await expect(page.getByTestId("section-fact").getByRole("heading")).toContainText(fact);
    await page.getByRole("link", { name: "Back to Overview" }).click();
    await expect(page).toHaveURL("/");
  }
});
