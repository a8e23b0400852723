import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrator";
import { openSqlite } from "@/lib/db/sqlite";

export type TempDatabase = {
  /** `file:` URL of the database, for DATABASE_URL or createPrismaClient. */
  url: string;
  file: string;
  /** A raw connection with the project's pragmas (foreign keys on). */
  sqlite: Database.Database;
  /** A Prisma client on the same file, created on first use. */
  prisma: () => PrismaClient;
  close: () => Promise<void>;
};

/** A real, migrated SQLite file in a fresh temporary directory. Tests never mock the database. */
export function createTempDatabase(options: { migrated?: boolean } = {}): TempDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rall-test-"));
  const file = path.join(dir, "test.db");
  const url = `file:${file}`;
  const sqlite = openSqlite(url);
  if (options.migrated !== false) migrate(sqlite);
  let client: PrismaClient | undefined;
  return {
    url,
    file,
    sqlite,
    prisma: () => (client ??= createPrismaClient(url)),
    close: async () => {
      await client?.$disconnect();
      sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
