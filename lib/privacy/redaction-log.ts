import "server-only";
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isoNow } from "@/lib/time";
import { isPiiCategory, PII_CATEGORIES } from "./scrub-pii";

/** What writing the log needs: the redaction_log table of an open transaction. */
export type RedactionLogWriter = Pick<Prisma.TransactionClient, "redactionLog">;

export type RedactionRecord = {
  /** The table the scrubbed row belongs to, e.g. "model_training_runs". */
  sourceTable: string;
  sourceId: string;
  /** What the scrubber found; only the category of each is kept. */
  findings: readonly { category: string }[];
};

/** 'pii' for personal data, 'sensitive' for secrets and keys, 'custom' for a category the scrubber does not know. */
export function redactionTypeOf(category: string): "pii" | "sensitive" | "custom" {
  return isPiiCategory(category) ? PII_CATEGORIES[category] : "custom";
}

export type RedactionLogRow = {
  id: string;
  timestamp: string;
  sourceTable: string;
  sourceId: string;
  redactionType: "pii" | "sensitive" | "custom";
  patternMatched: string;
};

/** The log rows for one scrubbed row: one per category found, in order of first finding. */
export function redactionLogRows(record: RedactionRecord, timestamp: string = isoNow()): RedactionLogRow[] {
  const categories = [...new Set(record.findings.map((finding) => finding.category))];
  return categories.map((category) => ({
    id: randomUUID(),
    timestamp,
    sourceTable: record.sourceTable,
    sourceId: record.sourceId,
    redactionType: redactionTypeOf(category),
    patternMatched: category,
  }));
}

/**
 * Records that a row was scrubbed: one redaction_log row per category found (in order of first finding), with
 * the pattern's name and never the matched value, which was never stored anywhere. Call it with the
 * transaction that writes the scrubbed row, so the row and its log commit or roll back together.
 * Returns the number of log rows written.
 */
export async function writeRedactionLog(tx: RedactionLogWriter, record: RedactionRecord): Promise<number> {
  const rows = redactionLogRows(record);
  if (rows.length === 0) return 0;
  await tx.redactionLog.createMany({ data: rows });
  return rows.length;
}

const INSERT_LOG_ROW = `INSERT INTO redaction_log (id, timestamp, source_table, source_id, redaction_type, pattern_matched)
  VALUES (@id, @timestamp, @sourceTable, @sourceId, @redactionType, @patternMatched)`;

/** writeRedactionLog on a raw better-sqlite3 connection, inside the caller's transaction. */
export function writeRedactionLogSync(sqlite: Database.Database, rows: readonly RedactionLogRow[]): number {
  if (rows.length === 0) return 0;
  const insert = sqlite.prepare(INSERT_LOG_ROW);
  for (const row of rows) insert.run(row);
  return rows.length;
}
