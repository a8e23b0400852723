import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { openSqlite } from "@/lib/db/sqlite";

export type ThrowawayCopy = { file: string; url: string; sqlite: Database.Database; dispose: () => void };

/**
 * A consistent copy of the live database in a temporary file (VACUUM INTO reads the live database, never
 * writes it), for the checks that must write: exercising the ML write paths and dropping indexes to time
 * queries without them. The copy is deleted by dispose().
 */
export function throwawayCopy(live: Database.Database): ThrowawayCopy {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rall-schema-check-"));
  const file = path.join(dir, "copy.db");
  live.prepare("VACUUM INTO ?").run(file);
  const url = `file:${file}`;
  const sqlite = openSqlite(url);
  return {
    file,
    url,
    sqlite,
    dispose: () => {
      if (sqlite.open) sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
