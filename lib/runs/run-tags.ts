import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeRedactionLog } from "@/lib/privacy/redaction-log";
import { scrubPii } from "@/lib/privacy/scrub-pii";
import { isoNow } from "@/lib/time";
import { RUNS_TABLE } from "./register-run";

/**
 * Adds and removes a run's tags in the caller's transaction. Tags are free text, so each is scrubbed for
 * personal data first (a finding is logged against the run); adding a tag the run has is a no-op.
 * Returns the run's tags afterwards, sorted, and the categories redacted.
 */
export async function updateRunTags(
  tx: Prisma.TransactionClient,
  runId: string,
  change: { add?: readonly string[]; remove?: readonly string[] },
): Promise<{ tags: string[]; redacted: string[] }> {
  const scrubbed = (change.add ?? []).map((tag) => scrubPii(tag));
  const findings = scrubbed.flatMap((result) => result.findings);
  if (change.remove && change.remove.length > 0) await tx.runTag.deleteMany({ where: { runId, tag: { in: [...change.remove] } } });
  const existing = new Set((await tx.runTag.findMany({ where: { runId }, select: { tag: true } })).map((row) => row.tag));
  const now = isoNow();
  const fresh = [...new Set(scrubbed.map((result) => result.text))].filter((tag) => !existing.has(tag));
  if (fresh.length > 0) await tx.runTag.createMany({ data: fresh.map((tag) => ({ id: randomUUID(), runId, tag, createdAt: now })) });
  await writeRedactionLog(tx, { sourceTable: RUNS_TABLE, sourceId: runId, findings });
  return { tags: [...existing, ...fresh].sort(), redacted: [...new Set(findings.map((finding) => finding.category))] };
}
