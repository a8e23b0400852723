import { execFileSync } from "node:child_process";
import type { ApiScope } from "@/lib/api/v1-handler";
import { E2E_DATABASE_URL } from "./e2e-database";

const created = new Map<ApiScope, string>();

/**
 * A real API key of `scope` in the seeded e2e database, made by the shipped CLI (`npm run api-keys:create`,
 * which prints only the key), once per scope per test run.
 */
export async function e2eApiKey(scope: ApiScope): Promise<string> {
  const existing = created.get(scope);
  if (existing) return existing;
  const key = execFileSync("npx", ["tsx", "scripts/api-keys-create.ts", "--name", `e2e ${scope}`, "--scope", scope], {
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
  created.set(scope, key);
  return key;
}
