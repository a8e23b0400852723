import { parseArgs } from "node:util";
import { withMigratedDatabase } from "./with-database";
import { passwordProblem } from "../password";
import { createUser, normalizeUsername, usernameProblem } from "../users";

export const CREATE_ADMIN_USAGE = `Usage: npm run users:create-admin [-- --username NAME --password-stdin]

Creates an admin account. Without flags it asks for the username and the password (typed hidden, twice).
--password-stdin reads the password from the first line of standard input, for scripts:
  printf '%s\\n' "$PASSWORD" | npm run users:create-admin -- --username admin --password-stdin
DATABASE_URL selects the database.`;

export type Prompter = { ask(question: string): Promise<string>; askHidden(question: string): Promise<string>; readStdinLine(): Promise<string> };
type Io = { env: Readonly<Record<string, string | undefined>>; stdout: { write(text: string): unknown }; stderr: { write(text: string): unknown }; prompter: Prompter };

/** `npm run users:create-admin`; returns the exit code so tests can call it with a scripted prompter. */
export async function runCreateAdmin(argv: string[], io: Io): Promise<number> {
  let values: { username?: string; "password-stdin"?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { username: { type: "string" }, "password-stdin": { type: "boolean" }, help: { type: "boolean", short: "h" } }, strict: true }));
  } catch (error) {
    io.stderr.write(`users:create-admin: ${(error as Error).message}\n\n${CREATE_ADMIN_USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(`${CREATE_ADMIN_USAGE}\n`);
    return 0;
  }
  const username = normalizeUsername(values.username ?? (values["password-stdin"] ? "" : await io.prompter.ask("Admin username: ")));
  const usernameIssue = usernameProblem(username);
  if (usernameIssue) {
    io.stderr.write(`users:create-admin refused: ${usernameIssue}\n`);
    return 1;
  }
  let password: string;
  if (values["password-stdin"]) {
    password = (await io.prompter.readStdinLine()).replace(/\r?\n$/, "");
  } else {
    password = await io.prompter.askHidden("Password (hidden): ");
    const again = await io.prompter.askHidden("Password again: ");
    if (again !== password) {
      io.stderr.write("users:create-admin refused: the two passwords differ. Nothing was created.\n");
      return 1;
    }
  }
  const weak = passwordProblem(password, username);
  if (weak) {
    io.stderr.write(`users:create-admin refused: ${weak} Nothing was created.\n`);
    return 1;
  }
  return withMigratedDatabase(io.env, async (db) => {
    const result = await createUser(db, { username, password, role: "admin" });
    if (!result.ok) {
      io.stderr.write(`users:create-admin refused: ${result.message}\n`);
      return 1;
    }
    io.stdout.write(`Created admin ${result.user.username}. Sign in at /sign-in.\n`);
    return 0;
  });
}
