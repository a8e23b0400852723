import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import {
  E2E_BROKEN_DATABASE_FILE,
  E2E_DATABASE_URL,
  E2E_DATABASE_FILE,
  E2E_EMPTY_DATABASE_FILE,
  E2E_EMPTY_DATABASE_URL,
  E2E_FRESH_DATABASE_FILE,
  E2E_FRESH_DATABASE_URL,
} from "./support/e2e-database";
import { serverUrl } from "./support/servers";
import { storageStateOf, type E2eRole } from "./support/users";

/**
 * Fresh databases for every run: the main one migrated and seeded with the demo data set (fixed seed), an empty
 * one migrated only, a fresh one (migrated, no users) for the setup page, and a broken one that does not exist
 * until the app opens it. The seeded one gets a user per role, each signed in, saved as Playwright storage states.
 */
export default function globalSetup(): void {
  for (const file of [E2E_DATABASE_FILE, E2E_EMPTY_DATABASE_FILE, E2E_BROKEN_DATABASE_FILE, E2E_FRESH_DATABASE_FILE]) removeDatabase(file);
  run(E2E_DATABASE_URL, "scripts/db-migrate.ts");
  run(E2E_DATABASE_URL, "scripts/db-seed.ts", "--size", "demo", "--seed", "7", "--reset");
  run(E2E_EMPTY_DATABASE_URL, "scripts/db-migrate.ts");
  run(E2E_FRESH_DATABASE_URL, "scripts/db-migrate.ts");
  const sessions = JSON.parse(run(E2E_DATABASE_URL, "e2e/support/create-e2e-users.ts")) as Record<E2eRole, { token: string; expires: number }>;
  for (const [role, session] of Object.entries(sessions) as [E2eRole, { token: string; expires: number }][]) writeStorageState(role, session);
}

/** A storage state whose only content is the session cookie for the e2e servers' host. */
function writeStorageState(role: E2eRole, session: { token: string; expires: number }): void {
  const file = storageStateOf(role);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const cookie = { name: "rall_session", value: session.token, domain: new URL(serverUrl("seeded")).hostname, path: "/", expires: session.expires, httpOnly: true, secure: false, sameSite: "Lax" };
  fs.writeFileSync(file, JSON.stringify({ cookies: [cookie], origins: [] }, null, 2));
}

/** The database file and its -wal, -shm and -journal companions. */
function removeDatabase(file: string): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of fs.readdirSync(dir)) {
    if (entry.startsWith(path.basename(file))) fs.rmSync(path.join(dir, entry), { force: true });
  }
}

/** Runs a script against a database, quietly unless it fails; returns what it printed. */
function run(databaseUrl: string, script: string, ...args: string[]): string {
  try {
    return execFileSync("npx", ["tsx", script, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "pipe", encoding: "utf8" });
  } catch (error) {
    const output = String((error as { stderr?: unknown }).stderr ?? "");
    throw new Error(`e2e global setup: ${script} ${args.join(" ")} failed\n${output}`, { cause: error });
  }
}
