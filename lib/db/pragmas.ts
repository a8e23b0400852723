/**
 * Set on every connection, by every code path that opens the database (Prisma client, migrator, seeder, tests).
 * v1 declared foreign keys but never enabled them (defect 5); SQLite enforces them only per connection.
 */
export const CONNECTION_PRAGMAS = [
  "PRAGMA foreign_keys = ON",
  "PRAGMA journal_mode = WAL",
  "PRAGMA busy_timeout = 5000",
  "PRAGMA synchronous = NORMAL",
] as const;

export const CONNECTION_PRAGMA_SCRIPT = CONNECTION_PRAGMAS.map((pragma) => `${pragma};`).join("\n");
