import type { ModelType } from "@/lib/runs/model-types";

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
  abTests: number;
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

export const SEED_SIZES = {
  demo: {
    name: "demo",
    days: 120,
    sessions: 2_000,
    subjects: 260,
    meanQueriesPerSession: 5,
    featureVectorShare: 1,
    predictionShare: { classifier: 0.92, routing: 0.75, optimization: 0.6 },
    runsPerType: { classifier: 10, routing: 9, optimization: 9 },
    runHistoryDays: 160,
    abTests: 8,
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
    abTests: 200,
    directPromotionShare: 0.04,
    fv1Days: 4,
    clusterMaxSamples: 20_000,
  },
  /** For unit tests: every table and scenario of demo, at a fraction of the rows. */
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
    abTests: 8,
    directPromotionShare: 1,
    fv1Days: 4,
    clusterMaxSamples: 20_000,
  },
} as const satisfies Record<string, SeedSize>;

export type SeedSizeName = keyof typeof SEED_SIZES;

/** The sizes the CLI offers; `small` exists for tests. */
export const CLI_SIZES = ["demo", "large"] as const satisfies readonly SeedSizeName[];
