import type { ModelType } from "@/lib/runs/model-types";
import type { ClosedScenario, RunningScenario, Scenario } from "./ab-scenarios";

/** How much data a seed run makes. Counts are expectations: the generator draws around them. */
export type SeedSize = {
  name: string;
  /** Length of the data window ending at the anchor. */
  days: number;
  sessions: number;
  subjects: number;
  /** Mean queries per session (1 + Poisson(mean − 1)). */
  meanQueriesPerSession: number;
  /** Share of queries that get a feature vector. */
  featureVectorShare: number;
  /** Probability that a query gets a prediction from each model type. */
  predictionShare: Readonly<Record<ModelType, number>>;
  runsPerType: Readonly<Record<ModelType, number>>;
  /** Training runs span this many days before the anchor (the first ones predate the data window). */
  runHistoryDays: number;
  /**
   * Each model type's A/B tests, oldest first, by the state each is planned to show (lib/seed/ab-scenarios.ts);
   * the last one is the type's running test. Decisive states need traffic: see lib/seed/deployments.ts.
   */
  abTestPlan: Readonly<Record<ModelType, readonly Scenario[]>>;
  /**
   * Share of the runs that are not A/B-tested but deployed straight after training; the rest stay experiments
   * that never served traffic.
   */
  directPromotionShare: number;
  /** Vectors computed in the window's first days use feature extraction fv-1; later ones fv-2. */
  fv1Days: number;
  /** At most this many vectors are clustered (a seeded sample above it). */
  clusterMaxSamples: number;
};

/**
 * A long history of tests, most of them flat as most real experiments are: a regression caught every ninth test
 * and `wins` wins spread over the history (each win lifts the live accuracy that later versions build on, so
 * there are few), then the running test.
 */
function longTestHistory(closed: number, wins: number, running: RunningScenario): Scenario[] {
  const plan: ClosedScenario[] = Array.from({ length: closed }, (_, i) => (i % 9 === 4 ? "a_wins" : "tie"));
  for (let k = 0; k < wins; k++) plan[Math.floor(((k + 0.5) * closed) / wins)] = "b_wins";
  return [...plan, running];
}

export const SEED_SIZES = {
  demo: {
    name: "demo",
    days: 120,
    sessions: 2_000,
    subjects: 260,
    meanQueriesPerSession: 5,
    featureVectorShare: 1,
    // Nearly every query is scored by every model: at ~80 queries a day, an A/B test needs all of them.
    predictionShare: { classifier: 0.97, routing: 0.96, optimization: 0.95 },
    runsPerType: { classifier: 10, routing: 9, optimization: 9 },
    runHistoryDays: 160,
    // Every state a reviewer needs to recognise: each closed outcome and each running state.
    abTestPlan: {
      classifier: ["b_wins", "tie", "inconclusive"],
      routing: ["b_wins", "a_wins", "significant"],
      optimization: ["tie", "srm"],
    },
    directPromotionShare: 1,
    fv1Days: 4,
    clusterMaxSamples: 20_000,
  },
  large: {
    name: "large",
    days: 120,
    sessions: 200_000,
    subjects: 20_000,
    meanQueriesPerSession: 5,
    featureVectorShare: 0.2,
    predictionShare: { classifier: 0.45, routing: 0.33, optimization: 0.22 },
    runsPerType: { classifier: 667, routing: 667, optimization: 666 },
    runHistoryDays: 400,
    abTestPlan: {
      classifier: longTestHistory(66, 1, "inconclusive"),
      routing: longTestHistory(66, 1, "significant"),
      optimization: longTestHistory(65, 1, "srm"),
    },
    directPromotionShare: 0.04,
    fv1Days: 4,
    clusterMaxSamples: 20_000,
  },
  /**
   * For unit tests: every table of demo at a fraction of the rows. Its traffic is too thin for an A/B test to
   * detect anything, so its tests are all flat.
   */
  small: {
    name: "small",
    days: 120,
    sessions: 240,
    subjects: 50,
    meanQueriesPerSession: 4,
    featureVectorShare: 1,
    predictionShare: { classifier: 0.9, routing: 0.7, optimization: 0.6 },
    runsPerType: { classifier: 7, routing: 7, optimization: 7 },
    runHistoryDays: 160,
    abTestPlan: {
      classifier: ["tie", "inconclusive"],
      routing: ["tie", "inconclusive"],
      optimization: ["inconclusive"],
    },
    directPromotionShare: 1,
    fv1Days: 4,
    clusterMaxSamples: 20_000,
  },
} as const satisfies Record<string, SeedSize>;

export type SeedSizeName = keyof typeof SEED_SIZES;

/** The sizes the CLI offers; `small` exists for tests. */
export const CLI_SIZES = ["demo", "large"] as const satisfies readonly SeedSizeName[];
