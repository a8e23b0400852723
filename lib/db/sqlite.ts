import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFilePath, databaseUrl } from "@/lib/database-url";
import { CONNECTION_PRAGMAS } from "./pragmas";

/**
 * A raw better-sqlite3 connection with the project's pragmas, for the migrator, the seeder and bulk work that
 * Prisma would make slow. Request-time code uses the Prisma client in lib/db.ts.
 */
export function openSqlite(url: string = databaseUrl(), options: Database.Options = {}): Database.Database {
  const file = databaseFilePath(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, options);
  for (const pragma of CONNECTION_PRAGMAS) db.exec(pragma);
  return db;
}
