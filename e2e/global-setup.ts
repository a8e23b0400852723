import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import {
  E2E_BROKEN_DATABASE_FILE,
  E2E_DATABASE_URL,
  E2E_DATABASE_FILE,
  E2E_EMPTY_DATABASE_FILE,
  E2E_EMPTY_DATABASE_URL,
} from "./support/e2e-database";

/**
 * Fresh databases for every run: the main one migrated and seeded with the demo data set (fixed seed), an empty
 * one migrated only, and a broken one that does not exist until the app opens it.
 */
export default function globalSetup(): void {
  for (const file of [E2E_DATABASE_FILE, E2E_EMPTY_DATABASE_FILE, E2E_BROKEN_DATABASE_FILE]) removeDatabase(file);
  run(E2E_DATABASE_URL, "scripts/db-migrate.ts");
  run(E2E_DATABASE_URL, "scripts/db-seed.ts", "--size", "demo", "--seed", "7", "--reset");
  run(E2E_EMPTY_DATABASE_URL, "scripts/db-migrate.ts");
}

/** The database file and its -wal, -shm and -journal companions. */
function removeDatabase(file: string): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of fs.readdirSync(dir)) {
    if (entry.startsWith(path.basename(file))) fs.rmSync(path.join(dir, entry), { force: true });
  }
}

/** Runs a script against a database, quietly unless it fails. */
function run(databaseUrl: string, script: string, ...args: string[]): void {
  try {
    execFileSync("npx", ["tsx", script, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "pipe" });
  } catch (error) {
    const output = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    throw new Error(`e2e global setup: ${script} ${args.join(" ")} failed\n${output}`, { cause: error });
  }
}
