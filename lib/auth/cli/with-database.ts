import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrator";
import { openSqlite } from "@/lib/db/sqlite";

/** Runs `work` on DATABASE_URL's database, migrated first (a CLI may be the first thing run on a new file). */
export async function withMigratedDatabase<T>(env: Readonly<Record<string, string | undefined>>, work: (db: PrismaClient) => Promise<T>): Promise<T> {
  const url = env.DATABASE_URL || undefined;
  const sqlite = openSqlite(url);
  try {
    migrate(sqlite);
  } finally {
    sqlite.close();
  }
  const db = createPrismaClient(url);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}
