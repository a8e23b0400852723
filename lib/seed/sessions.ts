import { hmacSha256Hex } from "@/lib/privacy/query-hash";
import type { Rng, WeightedTable } from "@/lib/random";
import { toIsoTimestamp } from "@/lib/time";
import type { Profile } from "./catalog";
import type { GenerationContext } from "./context";
import { generateFeedback, generatePredictions, pushOutcomes, redactionsFor } from "./outcomes";
import { generateQuery, pushQuery } from "./queries";
import { emptyBatch, type FeedbackRow, type SessionRow, type TelemetryBatch } from "./rows";
import type { Subject } from "./subjects";
import { HOUR_MS, type DaySlot } from "./time-model";

/**
 * One day of sessions with everything that hangs off them. The number of sessions per hour is Poisson around the
 * time model's traffic curve; each session picks an active subject (weighted by activity), a profile and a
 * client version, then runs 1 + Poisson(mean − 1) queries with think time between them. Anything that would
 * complete after the anchor has not happened yet: such queries are not generated, and a session still going at
 * the anchor has no ended_at.
 */

const QUERY_MEAN_BY_PROFILE: Readonly<Record<Profile, number>> = { quick: 1.2, balanced: 1, deep: 0.85, paranoid: 0.8 };

export function generateDay(
  rng: Rng,
  ctx: GenerationContext,
  slot: DaySlot,
  subjects: WeightedTable<Subject> | null,
  sessionsPerWeight: number,
): TelemetryBatch {
  const batch = emptyBatch();
  if (!subjects) return batch;
  const dayFactor = Math.exp(rng.normal(0, 0.07));
  const starts: number[] = [];
  for (const { hourStart, from, to } of ctx.time.hoursOf(slot)) {
    const expected = sessionsPerWeight * ctx.time.hourWeight(hourStart) * ((to - from) / HOUR_MS) * dayFactor;
    const count = rng.poisson(expected);
    for (let i = 0; i < count; i++) starts.push(from + Math.floor(rng.next() * (to - from)));
  }
  starts.sort((a, b) => a - b);
  for (const start of starts) generateSession(rng, ctx, start, subjects.pick(rng), batch);
  return batch;
}

function generateSession(rng: Rng, ctx: GenerationContext, start: number, subject: Subject, batch: TelemetryBatch): void {
  const anchor = ctx.time.anchor;
  const profile: Profile = rng.chance(0.7) ? subject.preferredProfile : ctx.tables.profiles.pick(rng);
  const session = { id: rng.uuid(), profile, favouriteTopics: subject.favouriteTopics };
  const queryTarget = 1 + rng.poisson((ctx.size.meanQueriesPerSession - 1) * QUERY_MEAN_BY_PROFILE[profile]);

  const before = { tools: batch.toolUsage.length, feedback: batch.feedback.length };
  const sessionRowIndex = batch.sessions.length;
  let t = start + rng.int(1_500, 20_000);
  let lastEvent = start;
  let errors = 0;
  let queries = 0;
  // A query still running at the anchor is not logged yet, and its session is still active.
  let stillRunning = false;
  const sessionFeedback: FeedbackRow[] = [];
  for (let i = 0; i < queryTarget; i++) {
    const query = generateQuery(rng, ctx, session, t, i);
    if (query.completedAt > anchor) {
      stillRunning = true;
      break;
    }
    if (queries === 0) {
      // The session row goes first (foreign keys); its counts are filled in below.
      batch.sessions.push(undefined as unknown as SessionRow);
    }
    queries++;
    pushQuery(batch, query);
    if (query.row.error_occurred) errors++;
    const feedback = generateFeedback(rng, ctx, query, i);
    const predictions = generatePredictions(rng, ctx, query);
    const redactions = [
      ...redactionsFor(rng, ctx, "queries", query.row.id, query.row.timestamp, 0.035),
      ...query.toolRows.flatMap((row) => redactionsFor(rng, ctx, "tool_usage", row.id, row.timestamp, 0.003)),
      ...feedback.filter((row) => row.feedback_type === "explicit").flatMap((row) => redactionsFor(rng, ctx, "feedback", row.id, row.timestamp, 0.06)),
    ];
    pushOutcomes(batch, feedback, predictions, redactions);
    lastEvent = Math.max(lastEvent, query.completedAt, ...feedback.map((row) => Date.parse(row.timestamp)));
    t = query.completedAt + 3_000 + Math.round(rng.exponential(70_000));
  }
  if (queries === 0) return;

  let end = lastEvent + 1_000 + Math.round(rng.exponential(100_000));
  // A few people rate the whole session at its end (feedback not tied to one query).
  if (rng.chance(0.03) && !stillRunning && end <= anchor) {
    const rating = rng.int(1, 5);
    sessionFeedback.push({
      id: rng.uuid(),
      session_id: session.id,
      query_id: null,
      timestamp: toIsoTimestamp(end),
      feedback_type: "explicit",
      rating,
      category: rating >= 4 ? "other" : rng.pick(["accuracy", "speed", "relevance"]),
      context_hash: hmacSha256Hex(`context:${session.id}:session`, ctx.key),
    });
    end += rng.int(500, 5_000);
  }
  for (const row of sessionFeedback) batch.feedback.push(row);
  const active = stillRunning || end > anchor;
  batch.sessions[sessionRowIndex] = {
    id: session.id,
    subject_id: subject.id,
    started_at: toIsoTimestamp(start),
    ended_at: active ? null : toIsoTimestamp(end),
    duration_ms: active ? null : end - start,
    tool_count: batch.toolUsage.length - before.tools,
    query_count: queries,
    feedback_count: batch.feedback.length - before.feedback,
    profile,
    success_rate: (queries - errors) / queries,
    client_version: ctx.time.clientVersionAt(start, subject.upgradeLagMs),
    os_family: subject.os,
  };
  for (const row of redactionsFor(rng, ctx, "sessions", session.id, toIsoTimestamp(start), 0.012)) batch.redactions.push(row);
}
