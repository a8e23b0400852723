import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/client";
import { hashQueryText } from "@/lib/privacy/query-hash";
import { writeRedactionLog } from "@/lib/privacy/redaction-log";
import { scrubJsonStrings } from "@/lib/privacy/scrub-json";
import { scrubPii } from "@/lib/privacy/scrub-pii";
import { loadSecretKey } from "@/lib/privacy/secret-key";

/**
 * Ingestion of one session's telemetry (POST /api/telemetry/sessions). Nothing is stored unless the subject's
 * current consent (its latest privacy_consent row) allows local telemetry; the check and the writes share one
 * transaction, so consent withdrawn a moment earlier is respected. The raw query text is only hashed (HMAC) and
 * measured, never stored; every other free-text value is scrubbed, with each redaction logged.
 */

const iso = z.iso.datetime({ precision: 3, error: "Use an ISO 8601 UTC timestamp with milliseconds, e.g. 2026-01-01T00:00:00.000Z." });
const PROFILES = ["quick", "balanced", "deep", "paranoid", "decide", "scientific", "powercombo"] as const;

export const ingestSessionSchema = z.object({
  session: z.object({
    id: z.uuid("The session id must be a UUID."),
    subjectId: z.string().regex(/^[0-9a-f]{64}$/, "subjectId must be the subject's 64-character lower-case hex hash."),
    startedAt: iso,
    endedAt: iso.optional(),
    profile: z.enum(PROFILES).optional(),
    clientVersion: z.string().max(100).optional(),
    osFamily: z.string().max(100).optional(),
  }),
  queries: z
    .array(
      z.object({
        id: z.uuid("Each query id must be a UUID."),
        timestamp: iso,
        text: z.string().min(1, "A query needs its text (it is hashed, never stored).").max(100_000),
        queryType: z.enum(["search", "reason", "code", "general"]).optional(),
        latencyMs: z.number().int().min(0),
        errorCategory: z.string().max(200).optional(),
        toolsUsed: z.array(z.string().max(200)).max(100).default([]),
      }),
    )
    .max(10_000)
    .default([]),
});

export type IngestSessionInput = z.input<typeof ingestSessionSchema>;

export type IngestResult =
  | { ok: true; sessionId: string; queries: number; redactions: number }
  | { ok: false; status: 400 | 403 | 409; message: string; fieldErrors?: Record<string, string[]> };

/** Whether the subject's latest consent allows local telemetry (no record means no consent). */
export async function hasTelemetryConsent(client: Pick<PrismaClient, "privacyConsent">, subjectId: string): Promise<boolean> {
  const latest = await client.privacyConsent.findFirst({ where: { subjectId }, orderBy: [{ timestamp: "desc" }, { id: "desc" }] });
  return latest?.localTelemetry === 1;
}

export async function ingestSession(client: Pick<PrismaClient, "$transaction">, body: unknown, key: Uint8Array = loadSecretKey()): Promise<IngestResult> {
  const parsed = ingestSessionSchema.safeParse(body);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
    return { ok: false, status: 400, message: "The telemetry was not valid; nothing was stored.", fieldErrors };
  }
  const { session, queries } = parsed.data;
  return client.$transaction(async (tx) => {
    if (!(await hasTelemetryConsent(tx, session.subjectId))) {
      return { ok: false as const, status: 403 as const, message: "The subject has not consented to local telemetry; nothing was stored." };
    }
    if (await tx.session.findUnique({ where: { id: session.id }, select: { id: true } })) {
      return { ok: false as const, status: 409 as const, message: `Session ${session.id} was already ingested.` };
    }
    const clientVersion = session.clientVersion === undefined ? undefined : scrubPii(session.clientVersion);
    const osFamily = session.osFamily === undefined ? undefined : scrubPii(session.osFamily);
    await tx.session.create({
      data: {
        id: session.id,
        subjectId: session.subjectId,
        startedAt: session.startedAt,
        endedAt: session.endedAt,
        durationMs: session.endedAt ? Date.parse(session.endedAt) - Date.parse(session.startedAt) : undefined,
        profile: session.profile,
        queryCount: queries.length,
        clientVersion: clientVersion?.text,
        osFamily: osFamily?.text,
      },
    });
    let redactions = await writeRedactionLog(tx, {
      sourceTable: "sessions",
      sourceId: session.id,
      findings: [...(clientVersion?.findings ?? []), ...(osFamily?.findings ?? [])],
    });
    for (const query of queries) {
      const errorCategory = query.errorCategory === undefined ? undefined : scrubPii(query.errorCategory);
      const tools = scrubJsonStrings(query.toolsUsed);
      await tx.query.create({
        data: {
          id: query.id,
          sessionId: session.id,
          timestamp: query.timestamp,
          queryHash: hashQueryText(query.text, key),
          queryLength: query.text.length,
          queryType: query.queryType,
          latencyMs: query.latencyMs,
          errorOccurred: query.errorCategory === undefined ? 0 : 1,
          errorCategory: errorCategory?.text,
          toolsUsed: JSON.stringify(tools.value),
          toolCalls: query.toolsUsed.length,
        },
      });
      redactions += await writeRedactionLog(tx, { sourceTable: "queries", sourceId: query.id, findings: [...(errorCategory?.findings ?? []), ...tools.findings] });
    }
    return { ok: true as const, sessionId: session.id, queries: queries.length, redactions };
  });
}
