import "server-only";
import { randomUUID } from "node:crypto";
import { ItemErrors, distinct, type BatchRefusal } from "@/lib/api/batch";
import { addTakenIdErrors, givenIds, missingIdsIn } from "@/lib/api/missing-ids";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashQueryText } from "@/lib/privacy/query-hash";
import { redactionLogRows, type RedactionLogRow } from "@/lib/privacy/redaction-log";
import { scrubJsonStrings } from "@/lib/privacy/scrub-json";
import { scrubPii } from "@/lib/privacy/scrub-pii";
import { loadSecretKey } from "@/lib/privacy/secret-key";
import { isoNow } from "@/lib/time";
import type { ConsentItem, FeedbackItem, QueryItem, ReasoningTraceItem, ToolUsageItem } from "./telemetry-batch-schemas";

type Tx = Prisma.TransactionClient;
export type TelemetryBatchResult = { ok: true; written: number; ids: string[]; redacted: string[] } | BatchRefusal;

type SessionScoped = { sessionId: string; queryId?: string | null };

const CONSENT_OF_SESSIONS = `SELECT s.id AS id,
    (SELECT c.local_telemetry FROM privacy_consent c WHERE c.subject_id = s.subject_id ORDER BY c.timestamp DESC, c.id DESC LIMIT 1) AS allowed
  FROM sessions s WHERE s.id IN (SELECT value FROM json_each(?))`;
const SESSIONS_OF_QUERIES = "SELECT id, session_id AS sessionId FROM queries WHERE id IN (SELECT value FROM json_each(?))";

/**
 * The checks every session-scoped telemetry batch shares, in bulk: each item's session exists and its subject's
 * current consent (latest privacy_consent row) allows local telemetry, and its query, if named, exists and belongs
 * to that session. A batch with any item for a non-consenting subject is refused with 403.
 */
async function sessionErrors(tx: Tx, items: readonly (SessionScoped & { id?: string })[], table: IdTable): Promise<BatchRefusal | null> {
  const consent = new Map(
    (await tx.$queryRawUnsafe<{ id: string; allowed: unknown }[]>(CONSENT_OF_SESSIONS, JSON.stringify(distinct(items, (item) => item.sessionId)))).map((row) => [row.id, Number(row.allowed) === 1]),
  );
  const queryIds = distinct(items, (item) => item.queryId);
  const queries = new Map(
    queryIds.length === 0 ? [] : (await tx.$queryRawUnsafe<{ id: string; sessionId: string }[]>(SESSIONS_OF_QUERIES, JSON.stringify(queryIds))).map((row) => [row.id, row.sessionId]),
  );
  const errors = await takenIdErrors(tx, table, items);
  let refusedConsent = false;
  items.forEach((item, index) => {
    const allowed = consent.get(item.sessionId);
    if (allowed === undefined) errors.add(index, "sessionId", `There is no session with the id "${item.sessionId}".`);
    else if (!allowed) {
      refusedConsent = true;
      errors.add(index, "sessionId", "The session's subject has not consented to local telemetry; nothing of theirs is stored.");
    }
    if (item.queryId) {
      const owner = queries.get(item.queryId);
      if (owner === undefined) errors.add(index, "queryId", `There is no query with the id "${item.queryId}".`);
      else if (owner !== item.sessionId) errors.add(index, "queryId", `The query "${item.queryId}" belongs to another session.`);
    }
  });
  return errors.refusal(refusedConsent ? 403 : 400, "refused");
}

type IdTable = "queries" | "feedback" | "tool_usage" | "reasoning_traces" | "privacy_consent";
const ITEM_NOUN: Record<IdTable, string> = {
  queries: "A query",
  feedback: "A feedback item",
  tool_usage: "A tool usage record",
  reasoning_traces: "A reasoning trace",
  privacy_consent: "A consent record",
};

/** An item error for each client-given id already stored or given earlier in the batch (checked in one query). */
async function takenIdErrors(tx: Tx, table: IdTable, items: readonly { id?: string }[]): Promise<ItemErrors> {
  const errors = new ItemErrors();
  addTakenIdErrors(errors, items, await missingIdsIn(tx, table, givenIds(items)), ITEM_NOUN[table]);
  return errors;
}

/** Adds each session's new rows to its counter column (query_count, feedback_count, tool_count). */
async function bumpSessionCounters(tx: Tx, column: "query_count" | "feedback_count" | "tool_count", items: readonly SessionScoped[]): Promise<void> {
  const perSession = new Map<string, number>();
  for (const item of items) perSession.set(item.sessionId, (perSession.get(item.sessionId) ?? 0) + 1);
  for (const [sessionId, added] of perSession) await tx.$executeRawUnsafe(`UPDATE sessions SET ${column} = ${column} + ? WHERE id = ?`, added, sessionId);
}

/** Scrubs optional free text, collecting findings for the redaction log. */
class Scrubber {
  readonly logRows: RedactionLogRow[] = [];
  constructor(private readonly table: string, private readonly now: string) {}

  text(id: string, value: string | null | undefined): string | null {
    if (value === null || value === undefined) return null;
    const scrubbed = scrubPii(value);
    if (scrubbed.findings.length > 0) this.logRows.push(...redactionLogRows({ sourceTable: this.table, sourceId: id, findings: scrubbed.findings }, this.now));
    return scrubbed.text;
  }

  json(id: string, value: unknown): string {
    const scrubbed = scrubJsonStrings(value);
    if (scrubbed.findings.length > 0) this.logRows.push(...redactionLogRows({ sourceTable: this.table, sourceId: id, findings: scrubbed.findings }, this.now));
    return JSON.stringify(scrubbed.value);
  }

  async finish(tx: Tx, rows: readonly { id: string }[]): Promise<TelemetryBatchResult> {
    if (this.logRows.length > 0) await tx.redactionLog.createMany({ data: this.logRows });
    const ids = rows.map((row) => row.id);
    return { ok: true, written: ids.length, ids, redacted: [...new Set(this.logRows.map((row) => row.patternMatched))] };
  }
}

type Prepared<Fields> = { refusal: BatchRefusal } | { rows: ({ id: string; sessionId: string; timestamp: string } & Fields)[]; scrub: Scrubber };

/** The shared first half of a session-scoped batch: the bulk checks, then each row's id, session and time. */
async function prepareRows<Item extends SessionScoped & { id?: string; timestamp: string }, Fields>(
  tx: Tx,
  items: readonly Item[],
  table: IdTable,
  now: string,
  fields: (item: Item, id: string, scrub: Scrubber) => Fields,
): Promise<Prepared<Fields>> {
  const refusal = await sessionErrors(tx, items, table);
  if (refusal) return { refusal };
  const scrub = new Scrubber(table, now);
  const rows = items.map((item) => {
    const id = item.id ?? randomUUID();
    return { id, sessionId: item.sessionId, timestamp: item.timestamp, ...fields(item, id, scrub) };
  });
  return { rows, scrub };
}

export async function ingestQueries(tx: Tx, items: readonly QueryItem[], key: Uint8Array = loadSecretKey(), now: string = isoNow()): Promise<TelemetryBatchResult> {
  const prepared = await prepareRows(tx, items, "queries", now, (item, id, scrub) => ({
    queryHash: hashQueryText(item.text, key),
    queryLength: item.text.length,
    queryType: item.queryType ?? null,
    latencyMs: item.latencyMs,
    resultCount: item.resultCount ?? null,
    resultQualityScore: item.resultQualityScore ?? null,
    profileUsed: item.profileUsed ?? null,
    errorOccurred: item.errorCategory ? 1 : 0,
    errorCategory: scrub.text(id, item.errorCategory),
    toolsUsed: scrub.json(id, item.toolsUsed),
    toolCalls: item.toolsUsed.length,
  }));
  if ("refusal" in prepared) return prepared.refusal;
  await tx.query.createMany({ data: prepared.rows });
  await bumpSessionCounters(tx, "query_count", items);
  return prepared.scrub.finish(tx, prepared.rows);
}

export async function ingestFeedback(tx: Tx, items: readonly FeedbackItem[], now: string = isoNow()): Promise<TelemetryBatchResult> {
  const prepared = await prepareRows(tx, items, "feedback", now, (item) => ({
    queryId: item.queryId ?? null,
    feedbackType: item.feedbackType,
    rating: item.rating ?? null,
    category: item.category ?? null,
    contextHash: item.contextHash ?? null,
  }));
  if ("refusal" in prepared) return prepared.refusal;
  await tx.feedback.createMany({ data: prepared.rows });
  await bumpSessionCounters(tx, "feedback_count", items);
  return prepared.scrub.finish(tx, prepared.rows);
}

export async function ingestToolUsage(tx: Tx, items: readonly ToolUsageItem[], now: string = isoNow()): Promise<TelemetryBatchResult> {
  const prepared = await prepareRows(tx, items, "tool_usage", now, (item, id, scrub) => ({
    queryId: item.queryId ?? null,
    toolName: scrub.text(id, item.toolName)!,
    toolCategory: item.toolCategory ?? null,
    executionMs: item.executionMs,
    success: item.success ? 1 : 0,
    errorType: scrub.text(id, item.errorType),
    inputSizeBytes: item.inputSizeBytes ?? null,
    outputSizeBytes: item.outputSizeBytes ?? null,
  }));
  if ("refusal" in prepared) return prepared.refusal;
  await tx.toolUsage.createMany({ data: prepared.rows });
  await bumpSessionCounters(tx, "tool_count", items);
  return prepared.scrub.finish(tx, prepared.rows);
}

export async function ingestReasoningTraces(tx: Tx, items: readonly ReasoningTraceItem[], now: string = isoNow()): Promise<TelemetryBatchResult> {
  const prepared = await prepareRows(tx, items, "reasoning_traces", now, (item, id, scrub) => ({
    queryId: item.queryId ?? null,
    thinktoolName: scrub.text(id, item.thinktoolName)!,
    stepCount: item.stepCount,
    totalMs: item.totalMs,
    avgStepMs: item.avgStepMs ?? null,
    coherenceScore: item.coherenceScore ?? null,
    depthScore: item.depthScore ?? null,
    stepTypes: scrub.json(id, item.stepTypes),
  }));
  if ("refusal" in prepared) return prepared.refusal;
  await tx.reasoningTrace.createMany({ data: prepared.rows });
  return prepared.scrub.finish(tx, prepared.rows);
}

/** Consent records: appended, never updated; a subject's latest record is their current consent. */
export async function ingestConsent(tx: Tx, items: readonly ConsentItem[], now: string = isoNow()): Promise<TelemetryBatchResult> {
  const refusal = (await takenIdErrors(tx, "privacy_consent", items)).refusal(400, "refused");
  if (refusal) return refusal;
  const rows = items.map((item) => ({
    id: item.id ?? randomUUID(),
    subjectId: item.subjectId,
    timestamp: item.timestamp,
    localTelemetry: item.localTelemetry ? 1 : 0,
    aggregatedSharing: item.aggregatedSharing ? 1 : 0,
    communityContribution: item.communityContribution ? 1 : 0,
    consentVersion: item.consentVersion,
    ipHash: item.ipHash ?? null,
  }));
  await tx.privacyConsent.createMany({ data: rows });
  return new Scrubber("privacy_consent", now).finish(tx, rows);
}
