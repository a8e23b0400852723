import { databaseFilePath, DEFAULT_DATABASE_URL } from "@/lib/database-url";
import { MigrationError, migrate } from "@/lib/db/migrator";
import { openSqlite } from "@/lib/db/sqlite";
import { loadSecretKey, SecretKeyError } from "@/lib/privacy/secret-key";
import { createProgressBar, type ProgressSink } from "./progress";
import { SeedError, seedDatabase, seedProgressUnits } from "./seed";
import { CLI_SIZES, SEED_SIZES } from "./sizes";
import { ALL_TABLES, nonEmptyDataTables, resetDatabase, tableCounts } from "./tables";
import { HOUR_MS } from "./time-model";

/**
 * `npm run db:seed -- --size demo|large [--seed N] [--anchor ISO] [--if-empty] [--reset]`
 * The CLI around seedDatabase: argument parsing, migrating first, the empty/--if-empty/--reset rules, the secret
 * key, the progress bar and the summary. Returns the exit code instead of exiting, so tests can call it.
 */
export const USAGE = `Usage: npm run db:seed -- --size demo|large [--seed N] [--anchor ISO] [--if-empty] [--reset]

  --size demo|large  demo: ~2,000 sessions / 10,000 queries over 120 days (default); large: ~1M queries
  --seed N           PRNG seed, a non-negative integer (default 1); same seed + anchor + key = same data
  --anchor ISO       the instant the data ends at (default: now, floored to the hour, UTC)
  --if-empty         do nothing if the database already has data
  --reset            delete all existing rows first (otherwise a non-empty database is refused)

DATABASE_URL selects the database (default ${DEFAULT_DATABASE_URL}); RALL_SECRET_KEY or RALL_SECRET_KEY_FILE the HMAC key.`;

export type SeedArgs = {
  size: (typeof CLI_SIZES)[number];
  seed: number;
  anchor: Date | null;
  ifEmpty: boolean;
  reset: boolean;
  help: boolean;
};

export class UsageError extends Error {
  override name = "UsageError";
}

export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  const args: SeedArgs = { size: "demo", seed: 1, anchor: null, ifEmpty: false, reset: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string;
    const [flag, inline] = raw.startsWith("--") && raw.includes("=") ? [raw.slice(0, raw.indexOf("=")), raw.slice(raw.indexOf("=") + 1)] : [raw, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case "--size": {
        const size = value();
        if (!(CLI_SIZES as readonly string[]).includes(size)) throw new UsageError(`--size must be one of ${CLI_SIZES.join(", ")}; got "${size}".`);
        args.size = size as SeedArgs["size"];
        break;
      }
      case "--seed": {
        const seed = value();
        if (!/^\d{1,15}$/.test(seed)) throw new UsageError(`--seed must be a non-negative integer; got "${seed}".`);
        args.seed = Number(seed);
        break;
      }
      case "--anchor": {
        const text = value();
        const anchor = new Date(text);
        if (Number.isNaN(anchor.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(text)) {
          throw new UsageError(`--anchor must be an ISO 8601 date or time, e.g. 2026-11-27T12:00:00Z; got "${text}".`);
        }
        args.anchor = anchor;
        break;
      }
      case "--if-empty":
        args.ifEmpty = true;
        break;
      case "--reset":
        args.reset = true;
        break;
      case "--help":
      case "-h":
        args.help = true;
        break;
      default:
        throw new UsageError(`Unknown argument "${raw}".`);
    }
  }
  return args;
}

/** Now, floored to the hour (UTC): the default anchor, so runs within the same hour produce the same data. */
export function defaultAnchor(now: Date): Date {
  return new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
}

export type CliIo = {
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown };
  stderr: ProgressSink;
  now?: () => Date;
};

/** Row counts per table, aligned, with a total. */
export function formatSummary(counts: Record<string, number>): string {
  const width = Math.max(...ALL_TABLES.map((t) => t.length));
  const line = (name: string, n: number) => `  ${name.padEnd(width)}  ${n.toLocaleString("en-US").padStart(11)}`;
  const total = ALL_TABLES.reduce((sum, table) => sum + (counts[table] ?? 0), 0);
  return [...ALL_TABLES.map((table) => line(table, counts[table] ?? 0)), line("total", total)].join("\n");
}

export function runSeedCli(argv: readonly string[], io: CliIo): number {
  let args: SeedArgs;
  try {
    args = parseSeedArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`db:seed: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const url = io.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  const file = databaseFilePath(url);
  const db = openSqlite(url);
  try {
    migrate(db);
    const occupied = nonEmptyDataTables(db);
    if (occupied.length > 0) {
      const sessions = tableCounts(db).sessions;
      if (args.ifEmpty) {
        io.stdout.write(`db:seed: ${file} already has data (${sessions.toLocaleString("en-US")} sessions); --if-empty, so skipped.\n`);
        return 0;
      }
      if (!args.reset) {
        io.stderr.write(
          `db:seed refused: ${file} is not empty (rows in ${occupied.join(", ")}). ` +
            `Re-run with --reset to delete all rows and reseed, or --if-empty to skip.\n`,
        );
        return 1;
      }
      io.stderr.write(`db:seed: --reset: deleting all rows of ${file}…\n`);
      resetDatabase(db);
    }

    const key = loadSecretKey(io.env);
    const anchor = args.anchor ?? defaultAnchor(io.now?.() ?? new Date());
    const size = SEED_SIZES[args.size];
    io.stderr.write(`db:seed: ${args.size} data, seed ${args.seed}, anchor ${anchor.toISOString()}, into ${file}\n`);
    const progress = createProgressBar("seeding", seedProgressUnits(size, anchor), io.stderr);
    const result = seedDatabase(db, { size, seed: args.seed, anchor, key, progress });
    io.stdout.write(
      `Seeded ${file} with ${result.size} data (seed ${result.seed}, anchor ${result.anchor}) ` +
        `in ${(result.elapsedMs / 1000).toFixed(1)} s:\n${formatSummary(result.counts)}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof MigrationError || error instanceof SeedError || error instanceof SecretKeyError) {
      io.stderr.write(`db:seed failed: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    db.close();
  }
}
