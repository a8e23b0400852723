import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { defaultAnchor, parseSeedArgs, runSeedCli, UsageError } from "./cli";
import { TEST_KEY } from "./test-helpers";

function captureIo(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { env, stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s), isTTY: false } },
    stdout: () => out.join(""),
    stderr: () => err.join(""),
  };
}

describe("parseSeedArgs", () => {
  it("reads the documented flags, in both --flag value and --flag=value forms", () => {
    expect(parseSeedArgs([])).toEqual({ size: "demo", seed: 1, anchor: null, ifEmpty: false, reset: false, help: false });
    const args = parseSeedArgs(["--size=large", "--seed", "42", "--anchor", "2026-11-27T12:00:00Z", "--if-empty", "--reset"]);
    expect(args).toMatchObject({ size: "large", seed: 42, ifEmpty: true, reset: true });
    expect(args.anchor?.toISOString()).toBe("2026-11-27T12:00:00.000Z");
  });

  it("rejects unknown sizes, non-integer seeds, bad anchors, missing values and unknown flags", () => {
    expect(() => parseSeedArgs(["--size", "huge"])).toThrow(UsageError);
    expect(() => parseSeedArgs(["--seed", "-1"])).toThrow(/non-negative integer/);
    expect(() => parseSeedArgs(["--anchor", "yesterday"])).toThrow(/ISO 8601/);
    expect(() => parseSeedArgs(["--seed"])).toThrow(/needs a value/);
    expect(() => parseSeedArgs(["--sizes", "demo"])).toThrow(/Unknown argument/);
  });
});

describe("defaultAnchor", () => {
  it("floors the current time to the hour, in UTC", () => {
    expect(defaultAnchor(new Date("2026-11-27T12:34:56.789Z")).toISOString()).toBe("2026-11-27T12:00:00.000Z");
    expect(defaultAnchor(new Date("2026-11-27T12:00:00.000Z")).toISOString()).toBe("2026-11-27T12:00:00.000Z");
  });
});

describe("runSeedCli", () => {
  let temp: TempDatabase;
  let env: Record<string, string>;
  const sessions = () => temp.sqlite.prepare("SELECT COUNT(*) FROM sessions").pluck().get() as number;

  beforeAll(() => {
    temp = createTempDatabase();
    env = { DATABASE_URL: temp.url, RALL_SECRET_KEY: TEST_KEY.toString("hex") };
    temp.sqlite
      .prepare(`INSERT INTO sessions (id, subject_id, started_at) VALUES ('existing', '${"a".repeat(64)}', '2026-01-01T00:00:00.000Z')`)
      .run();
  });

  afterAll(async () => {
    await temp.close();
  });

  it("with --if-empty, skips a database that already has sessions and says so", () => {
    const run = captureIo(env);
    expect(runSeedCli(["--if-empty", "--size", "demo"], run.io)).toBe(0);
    expect(run.stdout()).toMatch(/already has data \(1 sessions\); --if-empty, so skipped/);
    expect(sessions()).toBe(1);
  });

  it("refuses a non-empty database without --reset, changing nothing", () => {
    const run = captureIo(env);
    expect(runSeedCli(["--size", "demo"], run.io)).toBe(1);
    expect(run.stderr()).toMatch(/refused: .* is not empty \(rows in sessions\)\. Re-run with --reset/);
    expect(temp.sqlite.prepare("SELECT id FROM sessions").pluck().all()).toEqual(["existing"]);
  });

  it("answers a usage error with exit code 2 and the usage text", () => {
    const run = captureIo(env);
    expect(runSeedCli(["--size", "medium"], run.io)).toBe(2);
    expect(run.stderr()).toMatch(/--size must be one of demo, large/);
    expect(run.stderr()).toMatch(/Usage: npm run db:seed/);
  });

  it("with --reset, deletes the old rows, seeds demo, reports progress on stderr and counts on stdout", () => {
    const run = captureIo(env);
    expect(runSeedCli(["--size", "demo", "--reset", "--seed", "3", "--anchor", "2026-11-27T12:00:00Z"], run.io)).toBe(0);
    expect(temp.sqlite.prepare("SELECT COUNT(*) FROM sessions WHERE id = 'existing'").pluck().get()).toBe(0);
    expect(sessions()).toBeGreaterThan(1_500);
    expect(run.stdout()).toMatch(/Seeded .* with demo data \(seed 3, anchor 2026-11-27T12:00:00\.000Z\)/);
    expect(run.stdout()).toMatch(/^ {2}model_predictions +[\d,]+$/m);
    const reported = /^ {2}sessions +([\d,]+)$/m.exec(run.stdout())?.[1];
    expect(Number(reported?.replace(/,/g, ""))).toBe(sessions());
    // Not a terminal: one progress line per 5% step, ending at 100%.
    const lines = run.stderr().split("\n").filter((line) => line.startsWith("seeding ["));
    expect(lines.length).toBeGreaterThanOrEqual(15);
    expect(lines.length).toBeLessThanOrEqual(21);
    expect(lines[lines.length - 1]).toMatch(/\[#{24}\] 100%/);
  });
});
