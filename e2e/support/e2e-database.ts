import path from "node:path";
import Database from "better-sqlite3";

/** The seeded database the main e2e server runs on, re-created by global setup before every run. */
export const E2E_DATABASE_URL = "file:./data/e2e.db";
export const E2E_DATABASE_FILE = path.resolve("data", "e2e.db");

/** A migrated database with no rows, for the empty states. */
export const E2E_EMPTY_DATABASE_URL = "file:./data/e2e-empty.db";
export const E2E_EMPTY_DATABASE_FILE = path.resolve("data", "e2e-empty.db");

/** A migrated database with no rows and no users, for the first-admin setup page (auth on). */
export const E2E_FRESH_DATABASE_URL = "file:./data/e2e-fresh.db";
export const E2E_FRESH_DATABASE_FILE = path.resolve("data", "e2e-fresh.db");

/** A database that was never migrated, so every query fails: for the error boundary. */
export const E2E_BROKEN_DATABASE_URL = "file:./data/e2e-broken.db";
export const E2E_BROKEN_DATABASE_FILE = path.resolve("data", "e2e-broken.db");

/** A read-only connection for computing what the pages should show, independently of the app's own code. */
export function openE2eDatabase(): Database.Database {
  return new Database(E2E_DATABASE_FILE, { readonly: true, fileMustExist: true });
}
