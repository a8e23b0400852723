/**
 * Imported first by scripts/bench.ts. lib/db opens DATABASE_URL when it is first imported (and the runs
 * modules import it), so before anything else loads, the benchmarks point it at a throw-away migrated database:
 * never at the user's data/rall.db. Parts that go through lib/db (the ingestion route) write here.
 */
import fs from "node:fs";
import path from "node:path";
import { createTempDatabase } from "@/lib/test-support/temp-db";

export const benchDatabase = createTempDatabase();
process.env.DATABASE_URL = benchDatabase.url;
// scripts/bench.ts closes it when done; this catches a run that throws. An exit handler cannot wait for the async
// close (it stopped at the Prisma disconnect and left the directory behind), so it removes the files directly.
process.on("exit", () => fs.rmSync(path.dirname(benchDatabase.file), { recursive: true, force: true }));
