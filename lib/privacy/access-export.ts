import "server-only";
import type { PrismaClient } from "@/lib/db/client";
import { isoNow } from "@/lib/time";
import type { ErasureScope } from "./erasure";

/**
 * Access (GDPR art. 15): everything held about one session or one subject, as JSON-ready plain objects. It reads
 * the same rows that erasure deletes, so what a person can see is what they can have removed.
 */
export type SubjectDataExport = {
  scope: ErasureScope;
  id: string;
  generatedAt: string;
  sessions: Record<string, unknown>[];
  queries: Record<string, unknown>[];
  feedback: Record<string, unknown>[];
  toolUsage: Record<string, unknown>[];
  reasoningTraces: Record<string, unknown>[];
  featureVectors: Record<string, unknown>[];
  predictions: Record<string, unknown>[];
  consent: Record<string, unknown>[];
  redactions: Record<string, unknown>[];
};

export async function exportSubjectData(
  client: Pick<PrismaClient, "session" | "query" | "feedback" | "toolUsage" | "reasoningTrace" | "featureVector" | "modelPrediction" | "privacyConsent" | "redactionLog">,
  scope: ErasureScope,
  id: string,
): Promise<SubjectDataExport> {
  const sessions = await client.session.findMany({ where: scope === "session" ? { id } : { subjectId: id }, orderBy: { startedAt: "asc" } });
  const sessionIds = sessions.map((session) => session.id);
  const bySession = { where: { sessionId: { in: sessionIds } }, orderBy: { timestamp: "asc" as const } };
  const queries = await client.query.findMany(bySession);
  const queryIds = queries.map((query) => query.id);
  const [feedback, toolUsage, reasoningTraces, featureVectors, predictions] = await Promise.all([
    client.feedback.findMany(bySession),
    client.toolUsage.findMany(bySession),
    client.reasoningTrace.findMany(bySession),
    client.featureVector.findMany({ where: { queryId: { in: queryIds } }, orderBy: { computedAt: "asc" } }),
    client.modelPrediction.findMany({ where: { queryId: { in: queryIds } }, orderBy: { predictedAt: "asc" } }),
  ]);
  const subjectIds = [...new Set(sessions.map((session) => session.subjectId).concat(scope === "subject" ? [id] : []))];
  const consent = await client.privacyConsent.findMany({ where: { subjectId: { in: subjectIds } }, orderBy: { timestamp: "asc" } });
  const rowIds = [...sessionIds, ...queryIds, ...feedback, ...toolUsage, ...reasoningTraces, ...featureVectors, ...predictions].map(
    (row) => (typeof row === "string" ? row : row.id),
  );
  const redactions = await client.redactionLog.findMany({ where: { sourceId: { in: rowIds } }, orderBy: { timestamp: "asc" } });
  return {
    scope,
    id,
    generatedAt: isoNow(),
    sessions,
    queries,
    feedback,
    toolUsage,
    reasoningTraces,
    featureVectors,
    predictions,
    consent,
    redactions,
  };
}
