/**
 * Imported first by scripts/bench.ts. lib/db opens DATABASE_URL when it is first imported (and the runs
 * modules import it), so before anything else loads, the benchmarks point it at a throw-away migrated database:
 * never at the user's data/rall.db. Parts that go through lib/db (the ingestion route) write here.
 */
import { createTempDatabase } from "@/lib/test-support/temp-db";

export const benchDatabase = createTempDatabase();
process.env.DATABASE_URL = benchDatabase.url;
process.on("exit", () => void benchDatabase.close());
