import { openSqlite } from "@/lib/db/sqlite";
import { formatReport } from "@/lib/schema/validation/format-report";
import { validateSchema } from "@/lib/schema/validation/run-validation";

// npm run db:check [-- --json]: the design document's validation checklist against DATABASE_URL. Reads the live
// database; everything that writes runs on a throw-away copy. Exits 1 when any check fails.
const json = process.argv.includes("--json");
const live = openSqlite(undefined, { readonly: true, fileMustExist: true });
try {
  const report = await validateSchema(live);
  console.log(json ? JSON.stringify(report, null, 2) : formatReport(report));
  if (!report.passed) process.exitCode = 1;
} finally {
  live.close();
}
