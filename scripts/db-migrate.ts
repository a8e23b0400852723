import { databaseFilePath } from "@/lib/database-url";
import { MigrationError, migrate } from "@/lib/db/migrator";
import { openSqlite } from "@/lib/db/sqlite";
import { fillEmbeddingDoubles } from "@/lib/features/embedding-doubles";

const db = openSqlite();
try {
  const { applied, upToDate } = migrate(db);
  const where = databaseFilePath();
  if (applied.length === 0) console.log(`Database ${where} is up to date (${upToDate.length} migrations applied).`);
  else for (const name of applied) console.log(`Applied ${name} to ${where}`);
  // Data SQL cannot derive: the float64 copy of embeddings written without one (by another tool, or before
  // migration 20261128110000).
  const filled = fillEmbeddingDoubles(db);
  if (filled > 0) console.log(`Wrote the float64 copy of ${filled.toLocaleString("en-US")} embeddings.`);
} catch (error) {
  if (!(error instanceof MigrationError)) throw error;
  console.error(`db:migrate refused: ${error.message}`);
  process.exitCode = 1;
} finally {
  db.close();
}
