import { hashQueryText, normalizeQueryText } from "@/lib/privacy/query-hash";
import { clamp, type Rng, round } from "@/lib/random";
import { toIsoTimestamp } from "@/lib/time";
import {
  EMBEDDING_DIM,
  EMBEDDING_MODEL,
  type Profile,
  PROFILE_EFFECTS,
  QUERY_TYPE_EFFECTS,
  type QueryType,
  THINKTOOL_STEPS,
  type ThinkToolName,
  TOOLS,
} from "./catalog";
import type { GenerationContext } from "./context";
import type { FeatureVectorRow, QueryRow, ReasoningTraceRow, TelemetryBatch, ToolUsageRow } from "./rows";
import { CODE_SNIPPETS, TOPICS } from "./topics";

/** One query with its tool calls, reasoning traces and feature vector; feedback and predictions come after. */
export type GeneratedQuery = {
  row: QueryRow;
  topic: number;
  completedAt: number;
  toolRows: ToolUsageRow[];
  traceRows: ReasoningTraceRow[];
  vector: FeatureVectorRow | null;
};

export type SessionInfo = { id: string; profile: Profile; favouriteTopics: [number, number] };

const PREFIXES = ["", "", "", "", "can you ", "please ", "quick question: ", "hey, "];
const SUFFIXES = ["", "", "", "", "", " with an example", " step by step", " for a beginner", " in production", " on linux", " - short answer", " and explain why", " (urgent)"];
const MAX_TOOLS = 12;
const TIMEOUT_MS = 30_000;

/** The query's text (never stored; only its length, token count, hash and embedding are) and its template. */
function composeText(rng: Rng, ctx: GenerationContext, topicIndex: number, hasCode: boolean): { text: string; template: string } {
  const topic = TOPICS[topicIndex]!;
  let text: string;
  let template: string;
  if (rng.chance(0.14)) {
    const rank = ctx.tables.popularRank.pick(rng);
    template = `popular-${rank}`;
    text = topic.popular[rank] ?? topic.popular[0]!;
    // People type popular questions differently; normalisation gives them all one hash.
    if (rng.chance(0.3)) text = text.toLowerCase();
    if (rng.chance(0.15)) text = `  ${text.replace(/ /g, "  ")} `;
  } else {
    const index = rng.int(0, topic.templates.length - 1);
    template = `t${index}`;
    text = rng.pick(PREFIXES) + topic.templates[index]!.replace(/\{(\w+)\}/g, (_, slot: string) => rng.pick(topic.slots[slot] ?? [slot])) + rng.pick(SUFFIXES);
  }
  if (hasCode) text = `${text}\n${rng.pick(CODE_SNIPPETS)}`;
  return { text, template };
}

function stepTypes(rng: Rng, tool: ThinkToolName, steps: number): string[] {
  const vocabulary = THINKTOOL_STEPS[tool];
  const out = [vocabulary.first];
  for (let i = 1; i < steps - 1; i++) out.push(rng.pick(vocabulary.middle));
  if (steps > 1) out.push(vocabulary.last);
  return out;
}

function traceRow(
  rng: Rng,
  ids: { session: string; query: string },
  tool: ThinkToolName,
  at: number,
  profile: Profile,
  totalMs: number | null,
  quality: number,
): ReasoningTraceRow {
  const effort = profile === "paranoid" ? 1.5 : profile === "deep" ? 1.3 : profile === "quick" ? 0.7 : 1;
  const steps = Math.max(2, Math.round(rng.logNormal(THINKTOOL_STEPS[tool].medianSteps * effort, 0.3)));
  const total = totalMs ?? Math.round(rng.logNormal(steps * 380, 0.35));
  return {
    id: rng.uuid(),
    session_id: ids.session,
    query_id: ids.query,
    timestamp: toIsoTimestamp(at),
    thinktool_name: tool,
    step_count: steps,
    total_ms: total,
    avg_step_ms: round(total / steps, 1),
    coherence_score: round(clamp(0.5 + 0.42 * quality + rng.normal(0, 0.06), 0, 1), 3),
    depth_score: round(clamp(steps / 14 + (profile === "deep" || profile === "paranoid" ? 0.06 : 0) + rng.normal(0, 0.08), 0, 1), 3),
    step_types: JSON.stringify(stepTypes(rng, tool, steps)),
  };
}

/** ThinkTools a profile runs besides the reasoning tools the model calls. */
function extraThinkTools(rng: Rng, profile: Profile, type: QueryType): ThinkToolName[] {
  const tools: ThinkToolName[] = [];
  if (profile === "paranoid") {
    if (rng.chance(0.8)) tools.push("ProofGuard");
    if (rng.chance(0.5)) tools.push("BrutalHonesty");
  } else if (profile === "deep") {
    if (rng.chance(0.4)) tools.push("BedRock");
    if (rng.chance(0.2)) tools.push("ProofGuard");
  } else if (type === "reason" && profile === "balanced" && rng.chance(0.12)) {
    tools.push("BedRock");
  }
  return tools;
}

export function generateQuery(
  rng: Rng,
  ctx: GenerationContext,
  session: SessionInfo,
  t: number,
  indexInSession: number,
): GeneratedQuery {
  const { tables, time } = ctx;
  const topicIndex = rng.chance(0.55) ? rng.pick(session.favouriteTopics) : rng.int(0, TOPICS.length - 1);
  const topic = TOPICS[topicIndex]!;
  const type = tables.typesByTopic[topicIndex]!.pick(rng);
  const hasCode = type === "code" && rng.chance(0.35);
  const { text, template } = composeText(rng, ctx, topicIndex, hasCode);
  const normalized = normalizeQueryText(text);
  const profile: Profile =
    rng.chance(0.08) && session.profile !== "paranoid"
      ? (({ quick: "balanced", balanced: "deep", deep: "paranoid" }) as const)[session.profile]
      : session.profile;
  const effects = PROFILE_EFFECTS[profile];
  const typeEffects = QUERY_TYPE_EFFECTS[type];
  const incident = time.incidentAt(t);
  const ids = { session: session.id, query: rng.uuid() };

  // Tool calls, one after another, then traces of the profile's extra ThinkTools, then the model's own time.
  let cursor = t + rng.int(30, 300);
  const toolRows: ToolUsageRow[] = [];
  const traceRows: ReasoningTraceRow[] = [];
  const toolCount = Math.min(MAX_TOOLS, rng.poisson(typeEffects.meanTools * effects.tools));
  let retrievals = 0;
  let toolFailed = false;
  const thinkToolsCalled: { tool: ThinkToolName; at: number; ms: number }[] = [];
  for (let i = 0; i < toolCount; i++) {
    const spec = TOOLS[tables.toolsByType[type].pick(rng)]!;
    const ms = Math.max(1, Math.round(rng.logNormal(spec.medianMs, spec.sigma) * (incident?.latencyFactor ?? 1)));
    const failureRate = spec.failureRate + (incident?.category === "tool_failure" ? 0.25 : 0);
    const success = rng.chance(failureRate) ? 0 : 1;
    if (!success) toolFailed = true;
    if (spec.category === "search") retrievals += rng.int(3, 10);
    else if (spec.category === "file") retrievals += 1;
    else if (spec.category === "mcp") retrievals += rng.int(0, 5);
    toolRows.push({
      id: rng.uuid(),
      session_id: ids.session,
      query_id: ids.query,
      timestamp: toIsoTimestamp(cursor),
      tool_name: spec.name,
      tool_category: spec.category,
      execution_ms: ms,
      success,
      error_type: success ? null : rng.pick(spec.errorTypes),
      input_size_bytes: Math.round(rng.logNormal(spec.inputBytes, 0.6)),
      output_size_bytes: success ? Math.round(rng.logNormal(spec.outputBytes, 0.8)) : 0,
    });
    if (spec.thinktool) thinkToolsCalled.push({ tool: spec.thinktool, at: cursor, ms });
    cursor += ms + rng.int(10, 200);
  }
  const extra = extraThinkTools(rng, profile, type).map((tool) => {
    const at = cursor;
    cursor += rng.int(200, 2_500);
    return { tool, at };
  });
  const modelMs = rng.logNormal(typeEffects.medianMs * effects.latency, typeEffects.sigma) * (incident?.latencyFactor ?? 1);
  let latency = Math.round(cursor - t + modelMs);

  // Errors: a base rate, much higher during incidents and after a failed tool call.
  let errorProbability = incident ? incident.errorRate : 0.017 + (profile === "deep" || profile === "paranoid" ? 0.008 : 0);
  if (toolFailed) errorProbability += 0.2;
  const error = rng.chance(errorProbability);
  let errorCategory: string | null = null;
  if (error) {
    errorCategory =
      incident && rng.chance(0.8) ? incident.category : toolFailed && rng.chance(0.7) ? "tool_failure" : tables.errorCategories.pick(rng);
    if (errorCategory === "tool_failure" && !toolFailed) {
      const last = toolRows[toolRows.length - 1];
      if (last) Object.assign(last, { success: 0, error_type: rng.pick(TOOLS[last.tool_name]!.errorTypes), output_size_bytes: 0 });
      else errorCategory = "model_error";
    }
    if (errorCategory === "timeout") latency = Math.max(latency, TIMEOUT_MS + rng.int(0, 1_500));
  }
  const quality = error
    ? rng.float(0.02, 0.3)
    : clamp(
        topic.baseQuality + effects.quality + (toolCount > 0 ? 0.03 : 0) - (toolFailed ? 0.08 : 0) - (latency > 20_000 ? 0.03 : 0) + rng.normal(0, 0.1),
        0,
        1,
      );
  for (const call of thinkToolsCalled) traceRows.push(traceRow(rng, ids, call.tool, call.at, profile, call.ms, quality));
  for (const call of extra) traceRows.push(traceRow(rng, ids, call.tool, call.at, profile, null, quality));

  const words = normalized.split(" ").filter(Boolean).length;
  const tokenCount = Math.round(words * 1.3 + (hasCode ? 9 : 0));
  const resultCount = error ? 0 : type === "search" ? rng.int(3, 10) : type === "code" ? rng.int(1, 4) : rng.int(1, 3);
  const toolsUsed = [...new Set(toolRows.map((row) => row.tool_name))];
  const row: QueryRow = {
    id: ids.query,
    session_id: ids.session,
    timestamp: toIsoTimestamp(t),
    query_hash: hashQueryText(text, ctx.key),
    query_length: text.length,
    query_token_count: tokenCount,
    query_type: type,
    latency_ms: latency,
    tool_calls: toolRows.length,
    retrieval_count: retrievals,
    result_count: resultCount,
    result_quality_score: round(quality, 3),
    error_occurred: error ? 1 : 0,
    error_category: errorCategory,
    profile_used: profile,
    tools_used: JSON.stringify(toolsUsed),
  };
  const completedAt = t + latency;

  let vector: FeatureVectorRow | null = null;
  if (ctx.size.featureVectorShare >= 1 || rng.chance(ctx.size.featureVectorShare)) {
    const computedAt = Math.min(time.anchor, completedAt + rng.int(200, 4_000));
    const date = new Date(t);
    const base = { query_length: row.query_length, token_count: tokenCount, tool_count: row.tool_calls, profile, query_type: type };
    const fv2 = computedAt >= time.fv2Rollout;
    const features = fv2
      ? { ...base, has_code: hasCode, hour_of_day: date.getUTCHours(), day_of_week: date.getUTCDay(), retrieval_count: retrievals, session_query_index: indexInSession }
      : base;
    vector = {
      id: rng.uuid(),
      query_id: ids.query,
      computed_at: toIsoTimestamp(computedAt),
      embedding: ctx.embeddings.embedJson(topicIndex, template, normalized),
      embedding_model: EMBEDDING_MODEL,
      embedding_dim: EMBEDDING_DIM,
      features: JSON.stringify(features),
      feature_version: fv2 ? "fv-2" : "fv-1",
    };
  }
  return { row, topic: topicIndex, completedAt, toolRows, traceRows, vector };
}

export function pushQuery(batch: TelemetryBatch, query: GeneratedQuery): void {
  batch.queries.push(query.row);
  for (const row of query.toolRows) batch.toolUsage.push(row);
  for (const row of query.traceRows) batch.reasoningTraces.push(row);
  if (query.vector) batch.featureVectors.push(query.vector);
}
