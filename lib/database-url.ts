import path from "node:path";

/** The default database: a file under data/ (ignored by git). DATABASE_URL overrides it. */
export const DEFAULT_DATABASE_URL = "file:./data/rall.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

/** The filesystem path of a `file:` SQLite URL, resolved against the working directory. */
export function databaseFilePath(url: string = databaseUrl()): string {
  const withoutScheme = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return withoutScheme === ":memory:" ? withoutScheme : path.resolve(withoutScheme);
}
