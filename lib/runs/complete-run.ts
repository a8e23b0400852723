import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeRedactionLog } from "@/lib/privacy/redaction-log";
import { scrubPii } from "@/lib/privacy/scrub-pii";
import { RUNS_TABLE } from "./register-run";
import type { CompleteRunInput, UpdateRunInput } from "./run-api-schema";
import { updateRunTags } from "./run-tags";

export type RunWriteResult<T> =
  | ({ ok: true } & T)
  | { ok: false; status: 404 | 409 | 400; message: string; fieldErrors?: Record<string, string[]> };

const notFound = (id: string) => ({ ok: false as const, status: 404 as const, message: `There is no training run with the id "${id}".` });

/**
 * Records that a run finished, with its final metrics, in the caller's transaction. A run completes once: a
 * second completion is refused (409) so final numbers are not silently replaced. Metrics left out keep what the
 * run had at registration.
 */
export async function completeRun(tx: Prisma.TransactionClient, id: string, input: CompleteRunInput): Promise<RunWriteResult<{ id: string; completedAt: string }>> {
  const run = await tx.modelTrainingRun.findUnique({ where: { id }, select: { startedAt: true, completedAt: true } });
  if (!run) return notFound(id);
  if (run.completedAt !== null) return { ok: false, status: 409, message: `The run already completed at ${run.completedAt}; nothing was changed.` };
  if (input.completedAt < run.startedAt) {
    const message = `Completed must not be before the run started (${run.startedAt}).`;
    return { ok: false, status: 400, message: `${message} Nothing was changed.`, fieldErrors: { completedAt: [message] } };
  }
  const metrics = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null));
  await tx.modelTrainingRun.update({ where: { id }, data: metrics });
  return { ok: true, id, completedAt: input.completedAt };
}

/** Replaces a run's notes (scrubbed, logged) and adds or removes tags, in the caller's transaction. */
export async function updateRun(tx: Prisma.TransactionClient, id: string, input: UpdateRunInput): Promise<RunWriteResult<{ id: string; notes: string | null; tags: string[]; redacted: string[] }>> {
  const run = await tx.modelTrainingRun.findUnique({ where: { id }, select: { notes: true } });
  if (!run) return notFound(id);
  let notes = run.notes;
  const redacted = new Set<string>();
  if (input.notes !== undefined) {
    const scrubbed = input.notes === null ? null : scrubPii(input.notes);
    notes = scrubbed?.text ?? null;
    await tx.modelTrainingRun.update({ where: { id }, data: { notes } });
    await writeRedactionLog(tx, { sourceTable: RUNS_TABLE, sourceId: id, findings: scrubbed?.findings ?? [] });
    for (const finding of scrubbed?.findings ?? []) redacted.add(finding.category);
  }
  const tags = await updateRunTags(tx, id, { add: input.addTags, remove: input.removeTags });
  for (const category of tags.redacted) redacted.add(category);
  return { ok: true, id, notes, tags: tags.tags, redacted: [...redacted] };
}
