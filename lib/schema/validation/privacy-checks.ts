import type Database from "better-sqlite3";
import { auditPii, type AuditSource } from "@/lib/privacy/pii-audit";
import type { SchemaModel } from "../introspect";
import { check, type CheckResult } from "./types";

/** The audit's reads served by a raw connection (the audit only ever calls $queryRawUnsafe). */
function rawAuditSource(sqlite: Database.Database): AuditSource {
  return { $queryRawUnsafe: (sql: string, ...values: unknown[]) => Promise.resolve(sqlite.prepare(sql).all(...values)) } as unknown as AuditSource;
}

export async function piiAuditCheck(sqlite: Database.Database): Promise<CheckResult> {
  const report = await auditPii(rawAuditSource(sqlite));
  return check(
    "pii-audit",
    "privacy",
    "No PII in any table",
    report.hits.map((hit) => `PII audit: ${hit.category} × ${hit.count} in ${hit.table}.${hit.column}`),
    [`PII audit scanned ${report.valuesScanned.toLocaleString("en-US")} values in ${report.columns} text columns of ${report.tables} tables: nothing found`],
  );
}

/** Identity columns that must be keyed hashes, never the identifier itself. */
export const HASHED_COLUMNS: [string, string][] = [
  ["sessions", "subject_id"],
  ["queries", "query_hash"],
  ["feedback", "context_hash"],
  ["privacy_consent", "subject_id"],
  ["privacy_consent", "ip_hash"],
  ["deletion_requests", "target_hash"],
];

const RAW_IDENTIFIER = /^(email|e_mail|ip|ip_address|user_?name|phone|query_text|raw_query|address|full_name)$/i;

/** Columns named like identifiers that hold no telemetry subject's data, and why they stay readable. */
const READABLE_BY_DESIGN: Record<string, string> = {
  "users.username": "a dashboard operator's sign-in name (access control), typed to sign in and named on A/B decisions; not telemetry",
};

export function hashedDataCheck(sqlite: Database.Database, schema: SchemaModel): CheckResult {
  const failures: string[] = [];
  const evidence: string[] = [];
  for (const [tableName, columnName] of HASHED_COLUMNS) {
    const column = schema.tables.find((t) => t.name === tableName)?.columns.find((c) => c.name === columnName);
    if (!column) {
      failures.push(`${tableName}.${columnName} is missing`);
      continue;
    }
    if (!column.checks.some((expression) => /length\(\w+\) = 64/.test(expression) && /GLOB '\*\[\^0-9a-f\]\*'/.test(expression))) {
      failures.push(`${tableName}.${columnName} has no CHECK that it is a 64-hex-digit hash`);
      continue;
    }
    const { bad } = sqlite.prepare(`SELECT COUNT(*) AS bad FROM ${tableName} WHERE ${columnName} IS NOT NULL AND (length(${columnName}) <> 64 OR ${columnName} GLOB '*[^0-9a-f]*')`).get() as { bad: number };
    if (bad > 0) failures.push(`${tableName}.${columnName}: ${bad} values are not 64-hex-digit hashes`);
    evidence.push(`${tableName}.${columnName}: CHECKed as a 64-hex HMAC-SHA-256 digest`);
  }
  for (const table of schema.tables) {
    for (const column of table.columns) {
      if (!RAW_IDENTIFIER.test(column.name)) continue;
      const name = `${table.name}.${column.name}`;
      const reason = READABLE_BY_DESIGN[name];
      if (reason) evidence.push(`${name} is readable by design: ${reason}`);
      else failures.push(`${name} looks like a raw identifier`);
    }
  }
  evidence.push("No column is named like a raw identifier (email, ip_address, query_text …)");
  return check("hashed", "privacy", "All sensitive data hashed", failures, evidence);
}

export function consentTrackingCheck(sqlite: Database.Database, schema: SchemaModel): CheckResult {
  const failures: string[] = [];
  const consent = schema.tables.find((t) => t.name === "privacy_consent");
  const required = ["subject_id", "timestamp", "local_telemetry", "aggregated_sharing", "community_contribution", "consent_version"];
  if (!consent) return check("consent", "privacy", "Consent tracking complete", ["Table privacy_consent is missing"], []);
  for (const name of required) {
    const column = consent.columns.find((c) => c.name === name);
    if (!column) failures.push(`privacy_consent.${name} is missing`);
    else if (!column.notNull) failures.push(`privacy_consent.${name} allows NULL`);
  }
  if (!consent.indexes.some((i) => i.columns[0] === "subject_id")) failures.push("No index finds a subject's consent history (privacy_consent.subject_id)");
  const { subjects, without } = sqlite
    .prepare(`SELECT COUNT(DISTINCT s.subject_id) AS subjects,
        COUNT(DISTINCT CASE WHEN NOT EXISTS (SELECT 1 FROM privacy_consent c WHERE c.subject_id = s.subject_id) THEN s.subject_id END) AS without
      FROM sessions s`)
    .get() as { subjects: number; without: number };
  if (without > 0) failures.push(`${without} of ${subjects} subjects with sessions have no consent record`);
  return check("consent", "privacy", "Consent tracking complete", failures, [
    `privacy_consent records ${required.slice(2).join(", ")} per subject and version, NOT NULL, indexed by subject`,
    `Every one of the ${subjects.toLocaleString("en-US")} subjects with sessions has a consent record`,
  ]);
}
