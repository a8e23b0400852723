import { parseArgs } from "node:util";
import { withMigratedDatabase } from "./with-database";
import { apiKeyNameProblem, createApiKey } from "../api-keys";
import { isScope, SCOPES } from "../roles";

export const API_KEYS_USAGE = `Usage: npm run api-keys:create -- --name NAME --scope read|write|admin

Creates an API key and prints it once, alone on stdout (capture it: KEY=$(npm run -s api-keys:create -- ...)).
Only its SHA-256 is stored. DATABASE_URL selects the database.`;

type Io = { env: Readonly<Record<string, string | undefined>>; stdout: { write(text: string): unknown }; stderr: { write(text: string): unknown } };

/** `npm run api-keys:create`; returns the exit code (2 for bad arguments) so tests can call it. */
export async function runApiKeysCreate(argv: string[], io: Io): Promise<number> {
  let values: { name?: string; scope?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { name: { type: "string" }, scope: { type: "string" }, help: { type: "boolean", short: "h" } }, strict: true }));
  } catch (error) {
    io.stderr.write(`api-keys:create: ${(error as Error).message}\n\n${API_KEYS_USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.stderr.write(`${API_KEYS_USAGE}\n`);
    return 0;
  }
  const problems = [
    values.name === undefined ? "--name is required." : apiKeyNameProblem(values.name),
    isScope(values.scope) ? null : `--scope must be one of ${SCOPES.join(", ")}${values.scope === undefined ? "" : `; got "${values.scope}"`}.`,
  ].filter((problem): problem is string => problem !== null);
  if (problems.length > 0) {
    io.stderr.write(`api-keys:create: ${problems.join(" ")}\n\n${API_KEYS_USAGE}\n`);
    return 2;
  }
  return withMigratedDatabase(io.env, async (db) => {
    const { key, summary } = await createApiKey(db, { name: values.name!, scope: values.scope as (typeof SCOPES)[number], createdBy: null });
    io.stdout.write(`${key}\n`);
    io.stderr.write(`Created API key "${summary.name}" (${summary.scope}, ${summary.prefix}…). It is printed once; store it now.\n`);
    return 0;
  });
}
