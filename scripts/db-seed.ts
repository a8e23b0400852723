import { runSeedCli } from "@/lib/seed/cli";

// npm run db:seed -- --size demo|large [--seed N] [--anchor ISO] [--if-empty] [--reset]; see lib/seed/cli.ts.
process.exitCode = runSeedCli(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr });
