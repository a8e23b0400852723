import { wilsonInterval, type Interval } from "@/lib/stats/wilson";

/** How a run does on live traffic, from its predictions (the v_model_performance view). */
export type LiveMetrics = {
  predictions: number;
  /** Predictions with ground truth recorded; live accuracy is over these only. */
  labelled: number;
  correct: number;
  /** correct / labelled; null while nothing is labelled. */
  accuracy: number | null;
  /** 95% Wilson score interval of the live accuracy. */
  interval: Interval | null;
  /** Mean confidence over all its predictions; null without predictions or confidences. */
  avgConfidence: number | null;
  /**
   * Where the training accuracy lies against the live interval: "above" is the usual warning (the offline
   * evaluation overstated the model, or the traffic drifted), "below" a pleasant surprise, "inside" no evidence of
   * a difference; null when either figure is missing.
   */
  trainingVsLive: "above" | "below" | "inside" | null;
};

export type LiveCounts = { predictions: number; labelled: number; correct: number; avgConfidence: number | null };

export function liveMetrics(counts: LiveCounts, trainingAccuracy: number | null): LiveMetrics {
  const interval = wilsonInterval(counts.correct, counts.labelled);
  let trainingVsLive: LiveMetrics["trainingVsLive"] = null;
  if (interval && trainingAccuracy !== null) {
    trainingVsLive = trainingAccuracy > interval.upper ? "above" : trainingAccuracy < interval.lower ? "below" : "inside";
  }
  return {
    ...counts,
    accuracy: counts.labelled > 0 ? counts.correct / counts.labelled : null,
    interval,
    trainingVsLive,
  };
}
