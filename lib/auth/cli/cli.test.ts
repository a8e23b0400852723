import { afterEach, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { verifyApiKey } from "../api-keys";
import { authenticate } from "../sign-in";
import { runApiKeysCreate } from "./api-keys-create";
import { runCreateAdmin, type Prompter } from "./create-admin";

let temp: TempDatabase;
afterEach(async () => {
  await temp?.close();
});

function io(answers: Partial<Record<"ask" | "hidden" | "stdin", string[]>> = {}) {
  temp = createTempDatabase();
  const out = { stdout: "", stderr: "" };
  const queue = { ask: [...(answers.ask ?? [])], hidden: [...(answers.hidden ?? [])], stdin: [...(answers.stdin ?? [])] };
  const prompter: Prompter = {
    ask: async () => queue.ask.shift() ?? "",
    askHidden: async () => queue.hidden.shift() ?? "",
    readStdinLine: async () => queue.stdin.shift() ?? "",
  };
  return {
    out,
    io: { env: { DATABASE_URL: temp.url }, stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) }, prompter },
  };
}

describe("npm run api-keys:create", () => {
  it("prints the new key alone on stdout, and the key works", async () => {
    const { out, io: cli } = io();
    expect(await runApiKeysCreate(["--name", "ci export", "--scope", "write"], cli)).toBe(0);
    expect(out.stdout).toMatch(/^rall_[A-Za-z0-9_-]{43}\n$/);
    expect(await verifyApiKey(temp.prisma(), out.stdout.trim())).toMatchObject({ name: "ci export", scope: "write" });
    expect(out.stderr).toMatch(/printed once/);
  });

  it.each([
    [["--name", "x", "--scope", "root"], /--scope must be one of read, write, admin; got "root"/],
    [["--scope", "read"], /--name is required/],
    [["--name", "x", "--scope", "read", "--extra"], /Unknown option '--extra'/],
  ])("refuses %j with exit code 2 and usage, printing no key", async (argv, message) => {
    const { out, io: cli } = io();
    expect(await runApiKeysCreate(argv, cli)).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr).toMatch(message);
  });
});

describe("npm run users:create-admin", () => {
  const PASSWORD = "correct horse battery staple";

  it("asks for the username and the hidden password twice, then creates an admin who can sign in", async () => {
    const { out, io: cli } = io({ ask: ["Root"], hidden: [PASSWORD, PASSWORD] });
    expect(await runCreateAdmin([], cli)).toBe(0);
    expect(out.stdout).toBe("Created admin root. Sign in at /sign-in.\n");
    expect(await authenticate(temp.prisma(), "root", PASSWORD)).toMatchObject({ role: "admin" });
  });

  it("reads the password from stdin with --password-stdin", async () => {
    const { io: cli } = io({ stdin: [PASSWORD] });
    expect(await runCreateAdmin(["--username", "ops", "--password-stdin"], cli)).toBe(0);
    expect(await authenticate(temp.prisma(), "ops", PASSWORD)).not.toBeNull();
  });

  it.each([
    [{ stdin: ["too short"] }, ["--username", "ops", "--password-stdin"], /at least 12 characters/],
    [{ ask: ["ops"], hidden: [PASSWORD, `${PASSWORD}.`] }, [], /the two passwords differ/],
    [{ stdin: [PASSWORD] }, ["--username", "a b", "--password-stdin"], /A username is/],
  ])("refuses weak or mistyped input with a clear message and creates nothing", async (answers, argv, message) => {
    const { out, io: cli } = io(answers);
    expect(await runCreateAdmin(argv, cli)).toBe(1);
    expect(out.stderr).toMatch(message);
    expect(await temp.prisma().user.count()).toBe(0);
  });

  it("refuses a username that exists", async () => {
    const { out, io: cli } = io({ stdin: [PASSWORD, PASSWORD] });
    expect(await runCreateAdmin(["--username", "ops", "--password-stdin"], cli)).toBe(0);
    expect(await runCreateAdmin(["--username", "OPS", "--password-stdin"], cli)).toBe(1);
    expect(out.stderr).toMatch(/The username ops is taken/);
  });
});
