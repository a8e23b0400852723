import "server-only";
import { execFile } from "node:child_process";
import path from "node:path";
import type { ValidationReport } from "./types";

const globalForValidation = globalThis as unknown as { rallSchemaValidation?: Promise<ValidationReport>; rallLastValidation?: ValidationReport };

/** How long a finished report answers later visits; "Re-run checks" asks for a fresh one. */
export const VALIDATION_REUSE_MS = 5 * 60_000;

/** Longer than any run seen (≈25 s idle, ≈75 s on a loaded machine), short enough that a hung run ends. */
const TIMEOUT_MS = 5 * 60_000;

/**
 * Runs the validation against the app's database in a child process (`db:check --json`): the checks take
 * seconds of mostly synchronous SQLite work, which in the server's own thread would stall every other request
 * for as long. Visits that arrive while a run is in progress share it instead of starting another, and a
 * report younger than VALIDATION_REUSE_MS answers visits that do not ask for a fresh one (`rerun`).
 */
export function liveValidation({ rerun = false } = {}, now = Date.now()): Promise<ValidationReport> {
  const last = globalForValidation.rallLastValidation;
  if (!rerun && last && now - Date.parse(last.ranAt) < VALIDATION_REUSE_MS) return Promise.resolve(last);
  globalForValidation.rallSchemaValidation ??= runDbCheck()
    .then((report) => (globalForValidation.rallLastValidation = report))
    .finally(() => {
      globalForValidation.rallSchemaValidation = undefined;
    });
  return globalForValidation.rallSchemaValidation;
}

function runDbCheck(): Promise<ValidationReport> {
  const script = path.join(process.cwd(), "scripts", "db-check.ts");
  const args = ["--conditions=react-server", "--import", "tsx", script, "--json"];
  return new Promise((resolve, reject) => {
    // The script exits 1 when a check fails; its report on stdout is still the answer.
    execFile(process.execPath, args, { cwd: process.cwd(), env: process.env, timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      try {
        resolve(JSON.parse(stdout) as ValidationReport);
      } catch {
        reject(new Error(`The validation run gave no report${error ? ` (${error.message})` : ""}${stderr ? `: ${stderr.trim().slice(0, 500)}` : ""}`));
      }
    });
  });
}
