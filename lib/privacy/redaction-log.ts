import "server-only";
import { randomUUID } from "node:crypto";
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

/**
 * Records that a row was scrubbed: one redaction_log row per category found (in order of first finding), with
 * the pattern's name and never the matched value, which was never stored anywhere. Call it with the
 * transaction that writes the scrubbed row, so the row and its log commit or roll back together.
 * Returns the number of log rows written.
 */
export async function writeRedactionLog(tx: RedactionLogWriter, record: RedactionRecord): Promise<number> {
  const categories = [...new Set(record.findings.map((finding) => finding.category))];
  if (categories.length === 0) return 0;
  const timestamp = isoNow();
  await tx.redactionLog.createMany({
    data: categories.map((category) => ({
      id: randomUUID(),
      timestamp,
      sourceTable: record.sourceTable,
      sourceId: record.sourceId,
      redactionType: redactionTypeOf(category),
      patternMatched: category,
    })),
  });
  return categories.length;
}
