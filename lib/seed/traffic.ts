import type { ModelType } from "@/lib/runs/model-types";
import { DAY_MS } from "@/lib/time";
import { LABEL_SHARE, MEAN_LABEL_LAG_DAYS, MIN_LABEL_LAG_MS } from "./outcomes";
import type { SeedSize } from "./sizes";
import { HOUR_MS, type TimeModel } from "./time-model";

/**
 * Expected traffic, for planning before any row exists: how many sessions an hour holds, and how many labelled
 * predictions of a model type a time window will hold. It follows the generator's own rates (the time model's
 * hourly weights, queries per session, the prediction share, the label share and the label delay); the generator
 * then draws around every one of them, so this is an expectation, good to a few percent.
 */
export class TrafficModel {
  /** Expected sessions per unit of the time model's hourly weight. */
  readonly sessionsPerWeight: number;

  constructor(
    private readonly time: TimeModel,
    private readonly size: SeedSize,
  ) {
    this.sessionsPerWeight = size.sessions / time.totalWeight();
  }

  /**
   * Expected labelled predictions of `type` made in [from, to). Queries per session average
   * meanQueriesPerSession: the profiles' query multipliers average 1 over the profile mix. A prediction made at t is
   * labelled with probability LABEL_SHARE · P(its label delay ≤ anchor − t).
   */
  expectedLabelledPredictions(type: ModelType, from: number, to: number): number {
    const perSession = this.size.meanQueriesPerSession * this.size.predictionShare[type] * LABEL_SHARE;
    let total = 0;
    for (let hour = Math.floor(from / HOUR_MS) * HOUR_MS; hour < to; hour += HOUR_MS) {
      const start = Math.max(hour, from);
      const end = Math.min(hour + HOUR_MS, to, this.time.anchor);
      if (end <= start) continue;
      const ageMs = this.time.anchor - (start + end) / 2 - MIN_LABEL_LAG_MS;
      const labelledByAnchor = ageMs > 0 ? 1 - Math.exp(-ageMs / (MEAN_LABEL_LAG_DAYS * DAY_MS)) : 0;
      total += this.sessionsPerWeight * this.time.hourWeight(hour) * ((end - start) / HOUR_MS) * perSession * labelledByAnchor;
    }
    return total;
  }
}
