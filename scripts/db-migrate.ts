import { databaseFilePath } from "@/lib/database-url";
import { MigrationError, migrate } from "@/lib/db/migrator";
import { openSqlite } from "@/lib/db/sqlite";

const db = openSqlite();
try {
  const { applied, upToDate } = migrate(db);
  const where = databaseFilePath();
  if (applied.length === 0) console.log(`Database ${where} is up to date (${upToDate.length} migrations applied).`);
  else for (const name of applied) console.log(`Applied ${name} to ${where}`);
} catch (error) {
  if (!(error instanceof MigrationError)) throw error;
  console.error(`db:migrate refused: ${error.message}`);
  process.exitCode = 1;
} finally {
  db.close();
}
