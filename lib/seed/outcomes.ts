import { PREDICTION_TYPE_OF_MODEL } from "@/lib/predictions/prediction-value";
import { hmacSha256Hex } from "@/lib/privacy/query-hash";
import { clamp, type Rng, round } from "@/lib/random";
import { MODEL_TYPES, type ModelType } from "@/lib/runs/model-types";
import { DAY_MS, toIsoTimestamp } from "@/lib/time";
import { PROFILES, QUERY_TYPES } from "./catalog";
import type { GenerationContext } from "./context";
import { SHADOW_SHARE } from "./deployments";
import type { GeneratedQuery } from "./queries";
import type { RunPlan } from "./runs";
import type { FeedbackRow, PredictionRow, RedactionRow, TelemetryBatch } from "./rows";

/** What happens after a query: people's feedback, the models' predictions and their labels, redactions. */

const BUDGETS = ["low", "medium", "high"] as const;
const PREDICTION_TYPE: Readonly<Record<ModelType, PredictionRow["prediction_type"]>> = PREDICTION_TYPE_OF_MODEL;
const CLASSES: Readonly<Record<ModelType, readonly string[]>> = {
  classifier: QUERY_TYPES,
  routing: PROFILES,
  optimization: BUDGETS,
};
/** Share of predictions that get ground truth, and the mean delay (after 5 minutes) until it is recorded. */
export const LABEL_SHARE = 0.87;
export const MEAN_LABEL_LAG_DAYS = 1.6;
export const MIN_LABEL_LAG_MS = 5 * 60_000;
const CONFIDENCE_CONCENTRATION = 9;

/** Ground truth each model type predicts: the query's type, the profile used, or its tool budget. */
function truthOf(type: ModelType, query: GeneratedQuery): string {
  if (type === "classifier") return query.row.query_type;
  if (type === "routing") return query.row.profile_used;
  const calls = query.row.tool_calls;
  return calls <= 1 ? "low" : calls <= 3 ? "medium" : "high";
}

/**
 * Whether each prediction is right, by systematic sampling per run: a cursor starts at a uniform random point
 * and advances by the run's live accuracy p per prediction; the prediction is right when the cursor crosses an
 * integer. Each prediction is then right with probability exactly p (the inclusion property of systematic
 * sampling), yet the realised accuracy of any stretch of a run's predictions, such as an A/B test's window, stays
 * within 1/n of p instead of wandering by binomial noise, so small demo runs still show live accuracy just below
 * training accuracy and A/B tests show the difference planned for them. This is the only state carried from one
 * day to the next; days are generated in order, so it is deterministic.
 */
export class CorrectnessSampler {
  private readonly cursors = new Map<string, number>();

  constructor(private readonly rng: Rng) {}

  isCorrect(runId: string, probability: number): boolean {
    const before = this.cursors.get(runId) ?? this.rng.fork(runId).next();
    const after = before + clamp(probability, 0, 1);
    this.cursors.set(runId, after);
    return Math.floor(after) > Math.floor(before);
  }
}

/**
 * A prediction's confidence, given whether it is right. The model: a calibrated run's confidence c is drawn
 * around its live accuracy and it is right with probability c, so P(correct | c) = c; an over-confident run's
 * confidence is drawn around accuracy + gap and it is right with probability c − gap (same accuracy, confidence
 * too high at every level). Correctness is decided first (CorrectnessSampler), so c is drawn from its conditional
 * distribution by rejection: a draw c is kept with probability P(that outcome | c). The joint distribution of
 * (c, correct) is the model's, and calibration plots show it.
 */
function confidenceGiven(rng: Rng, liveAccuracy: number, overconfidence: number, correct: boolean): number {
  const meanConfidence = clamp(liveAccuracy + overconfidence, 0.05, 0.975);
  const gap = meanConfidence - liveAccuracy;
  for (;;) {
    const confidence = clamp(rng.betaMean(meanConfidence, CONFIDENCE_CONCENTRATION), 0.01, 0.9999);
    const pCorrect = clamp(confidence - gap, 0, 1);
    if (rng.chance(correct ? pCorrect : 1 - pCorrect)) return confidence;
  }
}

/** One run's prediction for a query, labelled (or not) as ground truth arrives. */
function predictionOf(rng: Rng, ctx: GenerationContext, query: GeneratedQuery, type: ModelType, run: RunPlan): PredictionRow {
  const t = Date.parse(query.row.timestamp);
  const correct = ctx.correctness.isCorrect(run.row.id, run.liveAccuracy);
  const confidence = confidenceGiven(rng, run.liveAccuracy, run.overconfidence, correct);
  const truth = truthOf(type, query);
  const others = CLASSES[type].filter((value) => value !== truth);
  const predicted = correct ? truth : rng.pick(others);
  const predictedAt = Math.min(t + rng.int(2, 40), query.completedAt);
  const labeledAt = Math.round(predictedAt + MIN_LABEL_LAG_MS + rng.exponential(MEAN_LABEL_LAG_DAYS) * DAY_MS);
  const labelled = rng.chance(LABEL_SHARE) && labeledAt <= ctx.time.anchor;
  return {
    id: rng.uuid(),
    query_id: query.row.id,
    model_run_id: run.row.id,
    predicted_at: toIsoTimestamp(predictedAt),
    prediction: JSON.stringify(predicted),
    confidence: round(confidence, 4),
    prediction_type: PREDICTION_TYPE[type],
    actual_value: labelled ? JSON.stringify(truth) : null,
    is_correct: labelled ? (predicted === truth ? 1 : 0) : null,
    labeled_at: labelled ? toIsoTimestamp(labeledAt) : null,
  };
}

/**
 * Predictions from the run serving each model type at the query's time, and from a replaced version still
 * predicting in shadow (ServingTimeline.shadowRun). Shadow predictions draw from their own stream, forked per
 * query, so adding them leaves every other generated row as it was.
 */
export function generatePredictions(rng: Rng, ctx: GenerationContext, query: GeneratedQuery): PredictionRow[] {
  const rows: PredictionRow[] = [];
  const t = Date.parse(query.row.timestamp);
  for (const type of MODEL_TYPES) {
    if (!rng.chance(ctx.size.predictionShare[type])) continue;
    const timeline = ctx.serving.get(type);
    const run = timeline?.servingRun(t);
    if (!run) continue;
    rows.push(predictionOf(rng, ctx, query, type, run));
    const shadow = timeline?.shadowRun(t);
    if (!shadow) continue;
    const shadowRng = rng.fork(`shadow/${query.row.id}/${type}`);
    if (shadowRng.chance(SHADOW_SHARE)) rows.push(predictionOf(shadowRng, ctx, query, type, shadow));
  }
  return rows;
}

function feedbackCategory(rng: Rng, ctx: GenerationContext, positive: boolean, latencyMs: number): string | null {
  if (rng.chance(0.15)) return null;
  if (!positive && latencyMs > 15_000 && rng.chance(0.6)) return "speed";
  return (positive ? ctx.tables.positiveCategories : ctx.tables.negativeCategories).pick(rng);
}

/**
 * Feedback on about 30% of queries, more often on very good or very bad answers. Thumbs up is likelier the higher
 * the quality; an explicit rating follows quality; implicit signals (copying the answer, asking again) sometimes
 * precede a thumbs vote on the same query. Rows past the anchor have not happened yet and are dropped.
 */
export function generateFeedback(rng: Rng, ctx: GenerationContext, query: GeneratedQuery, contextIndex: number): FeedbackRow[] {
  const quality = query.row.result_quality_score;
  if (!rng.chance(0.26 + 0.3 * Math.abs(quality - 0.62))) return [];
  const rows: FeedbackRow[] = [];
  let at = query.completedAt + 1_000 + Math.round(rng.exponential(25_000));
  const base = (type: FeedbackRow["feedback_type"], rating: number | null, category: string | null): FeedbackRow => ({
    id: rng.uuid(),
    session_id: query.row.session_id,
    query_id: query.row.id,
    timestamp: toIsoTimestamp(at),
    feedback_type: type,
    rating,
    category,
    context_hash: hmacSha256Hex(`context:${query.row.session_id}:${contextIndex}`, ctx.key),
  });
  const thumbs = () => {
    const up = rng.chance(1 / (1 + Math.exp(-9 * (quality - 0.55))));
    return base(up ? "thumbs_up" : "thumbs_down", null, feedbackCategory(rng, ctx, up, query.row.latency_ms));
  };
  const kind = rng.weighted([["thumbs", 0.5], ["explicit", 0.18], ["implicit", 0.32]] as const);
  if (kind === "thumbs") rows.push(thumbs());
  else if (kind === "explicit") {
    const rating = Math.round(clamp(1 + 4 * quality + rng.normal(0, 0.6), 1, 5));
    rows.push(base("explicit", rating, feedbackCategory(rng, ctx, rating >= 4, query.row.latency_ms)));
  } else {
    rows.push(base("implicit", null, rng.chance(0.5) ? "relevance" : rng.chance(0.5) ? "other" : null));
    if (rng.chance(0.35)) {
      at += 2_000 + Math.round(rng.exponential(40_000));
      rows.push(thumbs());
    }
  }
  return rows.filter((row) => row.timestamp <= toIsoTimestamp(ctx.time.anchor));
}

/** Redaction audit entries: which pattern fired on which row, never what it matched. */
export function redactionsFor(
  rng: Rng,
  ctx: GenerationContext,
  sourceTable: string,
  sourceId: string,
  at: string,
  probability: number,
): RedactionRow[] {
  if (!rng.chance(probability)) return [];
  const count = rng.chance(0.15) ? 2 : 1;
  const rows: RedactionRow[] = [];
  for (let i = 0; i < count; i++) {
    const { type, pattern } = ctx.tables.redactionPatterns.pick(rng);
    rows.push({ id: rng.uuid(), timestamp: at, source_table: sourceTable, source_id: sourceId, redaction_type: type, pattern_matched: pattern });
  }
  return rows;
}

export function pushOutcomes(batch: TelemetryBatch, feedback: FeedbackRow[], predictions: PredictionRow[], redactions: RedactionRow[]): void {
  for (const row of feedback) batch.feedback.push(row);
  for (const row of predictions) batch.predictions.push(row);
  for (const row of redactions) batch.redactions.push(row);
}
