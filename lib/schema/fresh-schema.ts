import Database from "better-sqlite3";
import { CONNECTION_PRAGMAS } from "@/lib/db/pragmas";
import { migrate } from "@/lib/db/migrator";
import { readSchema, type SchemaModel } from "./introspect";

/** The schema the migrations build, read from a fresh in-memory database (for the generated docs). */
export function migratedSchema(): SchemaModel {
  const sqlite = new Database(":memory:");
  try {
    for (const pragma of CONNECTION_PRAGMAS) sqlite.exec(pragma);
    migrate(sqlite);
    return readSchema(sqlite);
  } finally {
    sqlite.close();
  }
}
