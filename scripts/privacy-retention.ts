import { createPrismaClient } from "@/lib/db/client";
import { applyRetention, planRetention, retentionPolicy } from "@/lib/privacy/retention";

// npm run privacy:retention [-- --dry-run]: deletes rows of DATABASE_URL older than their table's retention period
// (90 days unless RALL_RETENTION_DAYS / RALL_RETENTION_DAYS_<TABLE> say otherwise) and prints what went.
const dryRun = process.argv.includes("--dry-run");
const client = createPrismaClient();
try {
  const policy = retentionPolicy();
  const plan = await planRetention(client, { policy });
  for (const row of plan) console.log(`${row.table.padEnd(18)} ${String(row.days).padStart(4)} days  before ${row.cutoff}  ${row.expiring} expiring`);
  if (dryRun) {
    console.log("Dry run: nothing deleted.");
  } else {
    const deleted = await applyRetention(client, { policy });
    const total = Object.values(deleted).reduce((sum, n) => sum + n, 0);
    console.log(`Deleted ${total} rows: ${JSON.stringify(deleted)}`);
  }
} finally {
  await client.$disconnect();
}
