import { createPrismaClient } from "@/lib/db/client";
import { auditPii } from "@/lib/privacy/pii-audit";

// npm run privacy:audit: scans every text and JSON column of DATABASE_URL for personal data and secrets.
// Prints table, column, category and count only, never a value; exits 1 when anything is found.
const client = createPrismaClient();
try {
  const report = await auditPii(client);
  console.log(`Scanned ${report.valuesScanned} values in ${report.columns} text columns of ${report.tables} tables.`);
  if (report.hits.length === 0) {
    console.log("No personal data or secrets found.");
  } else {
    for (const hit of report.hits) console.log(`HIT ${hit.table}.${hit.column}: ${hit.category} × ${hit.count}`);
    console.error(`PII audit failed: ${report.hits.reduce((sum, hit) => sum + hit.count, 0)} findings.`);
    process.exitCode = 1;
  }
} finally {
  await client.$disconnect();
}
