import { formatPValue } from "@/lib/ab-tests/format-stats";
import { analyzeAbTest } from "@/lib/stats/ab-analysis";
import type { VariantCounts } from "@/lib/stats/two-proportion-z-test";

/**
 * The states an A/B test of the demo data is planned to show, and how its counts are judged. A scenario is a plan
 * for the variants' true accuracies and routing (lib/seed/deployments.ts); whether the data show it is decided
 * only from the counts derived from the stored predictions, with the dashboard's own analysis (analyzeAbTest: the
 * unpooled z-test whose p-value a decision records) and rules:
 *   b_wins / a_wins / tie   closed: p < 0.05 and the sign of z name the winner; otherwise a tie
 *   significant             running: B clearly better, p < 0.001
 *   inconclusive            running: p ≥ 0.05
 *   srm                     running: planned 50/50 but B receives less traffic (sample-ratio mismatch, p < 0.001)
 * Every test but the srm one must also pass the sample-ratio check (p ≥ 0.05), or its result would be suspect.
 */
export const CLOSED_SCENARIOS = ["b_wins", "a_wins", "tie"] as const;
export const RUNNING_SCENARIOS = ["significant", "inconclusive", "srm"] as const;
export type ClosedScenario = (typeof CLOSED_SCENARIOS)[number];
export type RunningScenario = (typeof RUNNING_SCENARIOS)[number];
export type Scenario = ClosedScenario | RunningScenario;

export const ALPHA = 0.05;
/** The p-value below which a running test counts as clearly significant, and an SRM as real. */
export const STRICT_ALPHA = 0.001;

export function isRunningScenario(scenario: Scenario): scenario is RunningScenario {
  return (RUNNING_SCENARIOS as readonly string[]).includes(scenario);
}

export type AbCounts = { a: VariantCounts; b: VariantCounts };

export type AbVerdict = {
  z: number;
  pValue: number;
  srmPValue: number;
  /** The decision the counts support: B or A when p < 0.05, else a tie. */
  winner: "A" | "B" | "tie";
  /** Whether the counts show the planned scenario. */
  shows: boolean;
};

/** Null when a variant has no samples or no variation: no statistic exists, so no scenario can be shown. */
export function judgeAbTest(scenario: Scenario, counts: AbCounts, trafficSplit: number): AbVerdict | null {
  const analysis = analyzeAbTest({ a: counts.a, b: counts.b, trafficSplit });
  const { zScore: z, pValue } = analysis;
  const srmPValue = analysis.srm.pValue;
  if (z === null || pValue === null || srmPValue === null) return null;
  const winner = pValue < ALPHA ? (z > 0 ? "B" : "A") : "tie";
  const balanced = srmPValue >= ALPHA;
  const shows =
    scenario === "srm" ? srmPValue < STRICT_ALPHA
    : !balanced ? false
    : scenario === "significant" ? z > 0 && pValue < STRICT_ALPHA
    : scenario === "inconclusive" ? winner === "tie"
    : winner === EXPECTED_WINNER[scenario];
  return { z, pValue, srmPValue, winner, shows };
}

export const EXPECTED_WINNER: Readonly<Record<ClosedScenario, "A" | "B" | "tie">> = { b_wins: "B", a_wins: "A", tie: "tie" };

/** 'p < 0.001' or 'p = 0.042', the way the dashboard writes p-values. */
export const formatP = formatPValue;

/** The decision record of a closed test, written from its counts. */
export function decisionReason(winner: "A" | "B" | "tie", counts: AbCounts, p: number): string {
  const rateA = counts.a.successes / counts.a.samples;
  const rateB = counts.b.successes / counts.b.samples;
  const pp = ((rateB - rateA) * 100).toFixed(1);
  const rates = `${(rateA * 100).toFixed(1)}% (A) vs ${(rateB * 100).toFixed(1)}% (B)`;
  if (winner === "B") return `B raised live accuracy: ${rates}, +${pp} pp, ${formatP(p)}. Rolled B out to all traffic.`;
  if (winner === "A") return `B lowered live accuracy: ${rates}, ${pp} pp, ${formatP(p)}. Kept A; B rolled back.`;
  const samples = (counts.a.samples + counts.b.samples).toLocaleString("en-US");
  return `No detectable difference: ${rates}, ${Number(pp) >= 0 ? "+" : ""}${pp} pp, ${formatP(p)} after ${samples} samples. Kept A.`;
}
