import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_BROKEN_DATABASE_URL, E2E_DATABASE_URL, E2E_EMPTY_DATABASE_URL, E2E_FRESH_DATABASE_URL } from "./e2e/support/e2e-database";
import { SERVERS, serverUrl } from "./e2e/support/servers";
import { storageStateOf } from "./e2e/support/users";

/** CHROMIUM_PATH, else Debian's Chromium, else Playwright's own browser (from `npx playwright install`). */
function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

/** One `next start` of the build on `databaseUrl`; only the first server builds, the others wait for it. */
function server(name: keyof typeof SERVERS, databaseUrl: string, { build = false, quiet = false, auth = true } = {}) {
  const { port } = SERVERS[name];
  return {
    name,
    command: `${build ? "npx next build && " : ""}npx next start --port ${port}`,
    // A static file: probing a page would open the database before global setup has replaced it.
    url: `${serverUrl(name)}/icon.svg`,
    // Never reuse a server: global setup deletes and re-creates the databases, which it would still hold open.
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: "ignore" as const,
    stderr: quiet ? ("ignore" as const) : ("pipe" as const),
    env: { DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", RALL_AUTH: auth ? "on" : "off" },
  };
}

export default defineConfig({
  testDir: "e2e",
  // One worker: SQLite has one writer, and the specs share one seeded database.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  globalSetup: "./e2e/global-setup.ts",
  use: {
    ...devices["Desktop Chrome"],
    baseURL: serverUrl("seeded"),
    viewport: { width: 1440, height: 1000 },
    // Signed in as the e2e admin (global setup); specs about other roles or anonymous visitors override it.
    storageState: storageStateOf("admin"),
    trace: "on-first-retry",
    launchOptions: {
      // Playwright cannot download its browsers offline; Debian's Chromium stands in where it is installed.
      executablePath: chromiumExecutable(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium" }],
  // Started one after another, so the build is done before the second and third servers start.
  webServer: [
    server("seeded", E2E_DATABASE_URL, { build: true }),
    server("empty", E2E_EMPTY_DATABASE_URL, { auth: false }),
    // Its errors are the point of it.
    server("broken", E2E_BROKEN_DATABASE_URL, { quiet: true, auth: false }),
    server("fresh", E2E_FRESH_DATABASE_URL),
  ],
});
