import type { Rng } from "@/lib/random";
import type { ModelType } from "@/lib/runs/model-types";
import { DAY_MS, toIsoTimestamp } from "@/lib/time";
import { formatP, sampleRatioMismatchP, twoProportionZTest } from "./ab-stats";
import type { AbTestRow } from "./rows";
import type { RunPlan } from "./runs";
import { HOUR_MS, type TimeModel } from "./time-model";

/**
 * Which model version served traffic when, and the A/B tests that decided it. Per model type, in order of
 * completion: the first run is deployed as the baseline; a run chosen as an A/B candidate is tested against the
 * live version (variant A) and deployed only if it wins; other runs are deployed directly or never (experiments).
 * Tests of one model type never overlap, and a direct deployment waits for a running test to end.
 *
 * A test's outcome is a scenario, so the demo always shows each state a reviewer needs to recognise:
 *   b_wins / a_wins / tie   closed, with the decision, its p-value (two-proportion z-test) and a reason
 *   significant             running, B clearly better (p < 0.001), awaiting a decision
 *   inconclusive            running, no detectable difference yet
 *   srm                     running, planned 50/50 but the observed split is off (sample-ratio mismatch)
 * Success counts are binomial draws from the scenario's true rates; draws are repeated (deterministically)
 * until the observed statistics show the scenario, so every seed tells the same story.
 */
export type Scenario = "b_wins" | "a_wins" | "tie" | "significant" | "inconclusive" | "srm";

const RUNNING_SCENARIO: Readonly<Record<ModelType, Scenario>> = {
  classifier: "inconclusive",
  routing: "significant",
  optimization: "srm",
};
const CLOSED_CYCLE: readonly Scenario[] = ["b_wins", "tie", "a_wins", "b_wins", "tie"];
const DECIDERS = ["mira.k", "devon.p", "ml-oncall", "sam.r", "priya.n"];

type Deployment = { from: number; run: RunPlan };
type ActiveTest = { start: number; end: number; a: RunPlan; b: RunPlan; split: number };

export class ServingTimeline {
  private readonly deployments: Deployment[];
  private readonly tests: ActiveTest[];

  constructor(deployments: Deployment[], tests: ActiveTest[]) {
    this.deployments = [...deployments].sort((x, y) => x.from - y.from);
    this.tests = [...tests].sort((x, y) => x.start - y.start);
  }

  /** The run that answers a query at `t`: a test's variant (B with probability traffic_split) or the live one. */
  servingRun(t: number, rng: Rng): RunPlan | null {
    for (const test of this.tests) {
      if (t >= test.start && t < test.end) return rng.chance(test.split) ? test.b : test.a;
    }
    let live: RunPlan | null = null;
    let lo = 0;
    let hi = this.deployments.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const deployment = this.deployments[mid] as Deployment;
      if (deployment.from <= t) {
        live = deployment.run;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return live;
  }
}

type Counts = { samplesA: number; samplesB: number; successesA: number; successesB: number };

function drawCounts(rng: Rng, scenario: Scenario, split: number): Counts & { p: number } {
  const total =
    scenario === "significant" ? rng.int(14_000, 20_000)
    : scenario === "inconclusive" ? rng.int(3_000, 6_000)
    : scenario === "srm" ? rng.int(9_000, 11_000)
    : rng.int(6_000, 16_000);
  const rateA = rng.float(0.55, 0.7);
  const rateB =
    scenario === "b_wins" ? rateA + rng.float(0.035, 0.06)
    : scenario === "significant" ? rateA + rng.float(0.04, 0.06)
    : scenario === "a_wins" ? rateA - rng.float(0.02, 0.035)
    : scenario === "srm" ? rateA + rng.float(0.0, 0.02)
    : rateA + rng.float(-0.004, 0.004);
  // An SRM test's assignment is broken: B really gets ~46% of a planned 50%.
  const assignB = scenario === "srm" ? split - rng.float(0.035, 0.05) : split;
  for (let attempt = 0; ; attempt++) {
    const samplesB = rng.binomial(total, assignB);
    const samplesA = total - samplesB;
    const successesA = rng.binomial(samplesA, rateA);
    const successesB = rng.binomial(samplesB, rateB);
    const { pValue, z } = twoProportionZTest(successesA, samplesA, successesB, samplesB);
    const srmP = sampleRatioMismatchP(samplesA, samplesB, split);
    const shows =
      scenario === "b_wins" ? z > 0 && pValue < 0.01 && srmP > 0.05
      : scenario === "significant" ? z > 0 && pValue < 0.001 && srmP > 0.05
      : scenario === "a_wins" ? z < 0 && pValue < 0.05 && srmP > 0.05
      : scenario === "srm" ? srmP < 0.001
      : pValue > 0.2 && srmP > 0.05;
    if (shows || attempt >= 200) return { samplesA, samplesB, successesA, successesB, p: pValue };
  }
}

function decisionReason(scenario: Scenario, counts: Counts, p: number): string {
  const rateA = counts.successesA / counts.samplesA;
  const rateB = counts.successesB / counts.samplesB;
  const pp = ((rateB - rateA) * 100).toFixed(1);
  const rates = `${(rateA * 100).toFixed(1)}% (A) vs ${(rateB * 100).toFixed(1)}% (B)`;
  if (scenario === "b_wins") return `B raised task success: ${rates}, +${pp} pp, ${formatP(p)}. Rolled B out to all traffic.`;
  if (scenario === "a_wins") return `B lowered task success: ${rates}, ${pp} pp, ${formatP(p)}. Kept A; B rolled back.`;
  return `No detectable difference: ${rates}, ${Number(pp) >= 0 ? "+" : ""}${pp} pp, ${formatP(p)} after ${(counts.samplesA + counts.samplesB).toLocaleString("en-US")} samples. Kept A.`;
}

/** Spreads `total` tests over the model types as evenly as possible (earlier types first). */
function testsPerType(total: number, types: readonly ModelType[]): Map<ModelType, number> {
  return new Map(types.map((type, i) => [type, Math.floor(total / types.length) + (i < total % types.length ? 1 : 0)]));
}

export type DeploymentPlan = { timeline: Map<ModelType, ServingTimeline>; abTests: AbTestRow[] };

export function planDeployments(
  rng: Rng,
  runsByType: Map<ModelType, RunPlan[]>,
  time: TimeModel,
  totalTests: number,
  directPromotionShare: number,
): DeploymentPlan {
  const timeline = new Map<ModelType, ServingTimeline>();
  const abTests: AbTestRow[] = [];
  const perType = testsPerType(totalTests, [...runsByType.keys()]);

  [...runsByType].forEach(([type, runs], typeIndex) => {
    const completed = runs.filter((run) => run.completedAt !== null);
    const testCount = Math.min(perType.get(type) ?? 0, Math.max(0, completed.length - 1));
    // Candidates: evenly spaced, ending at the newest completed run (whose test is the running one).
    const candidates = new Set<number>();
    const step = testCount > 0 ? (completed.length - 1) / testCount : 0;
    for (let j = 0; j < testCount; j++) candidates.add(completed.length - 1 - Math.floor(j * step));
    const historyMs = time.anchor - (completed[0]?.completedAt ?? time.anchor);
    const maxDurationMs = Math.max(2 * DAY_MS, Math.min(14 * DAY_MS, (0.7 * step * historyMs) / Math.max(1, completed.length)));

    const deployments: Deployment[] = [];
    const tests: ActiveTest[] = [];
    let live: RunPlan | null = null;
    let busyUntil = -Infinity;
    let closedCount = 0;
    completed.forEach((run, position) => {
      const completedAt = run.completedAt as number;
      if (position === 0 || (!candidates.has(position) && rng.chance(directPromotionShare))) {
        const from = Math.round(Math.max(completedAt + rng.float(0.3, 2) * DAY_MS, busyUntil + rng.float(1, 6) * HOUR_MS));
        if (from >= time.anchor) return;
        live = run;
        deployments.push({ from, run });
        busyUntil = from;
        return;
      }
      const a: RunPlan | null = live;
      if (!candidates.has(position) || !a) return;
      const earliest = Math.max(completedAt + rng.float(0.3, 1.5) * DAY_MS, busyUntil + rng.float(2, 8) * HOUR_MS);
      const start = Math.round(Math.min(earliest, time.anchor - 6 * HOUR_MS));
      if (start <= busyUntil) return; // no room before the anchor: this candidate was never tested
      const newest = position === completed.length - 1;
      const plannedEnd = newest ? Infinity : Math.round(start + rng.float(0.6, 1) * maxDurationMs);
      const closed = plannedEnd < time.anchor;
      const scenario: Scenario = closed
        ? (CLOSED_CYCLE[(closedCount++ + 2 * typeIndex) % CLOSED_CYCLE.length] as Scenario)
        : RUNNING_SCENARIO[type];
      const split = scenario === "srm" || scenario === "significant" || rng.chance(0.75) ? 0.5 : rng.pick([0.1, 0.2, 0.3]);
      const counts = drawCounts(rng, scenario, split);
      const end = closed ? plannedEnd : time.anchor;
      tests.push({ start, end, a, b: run, split });
      busyUntil = end;

      const row: AbTestRow = {
        id: rng.uuid(),
        test_name: `${type} ${run.row.model_version} vs ${a.row.model_version}`,
        started_at: toIsoTimestamp(start),
        ended_at: null,
        variant_a_model: a.row.model_version,
        variant_b_model: run.row.model_version,
        variant_a_run_id: a.row.id,
        variant_b_run_id: run.row.id,
        traffic_split: split,
        variant_a_samples: counts.samplesA,
        variant_b_samples: counts.samplesB,
        variant_a_successes: counts.successesA,
        variant_b_successes: counts.successesB,
        statistical_significance: null,
        winner: null,
        confidence: null,
        notes: `Hypothesis: ${run.row.model_version} raises task success over ${a.row.model_version}. ${Math.round(split * 100)}% of traffic to B.`,
        status: "running",
        decided_by: null,
        decided_at: null,
        decision_reason: null,
      };
      if (closed) {
        const decidedAt = Math.min(time.anchor, Math.round(plannedEnd + rng.float(0.5, 20) * HOUR_MS));
        Object.assign(row, {
          status: "closed",
          ended_at: toIsoTimestamp(plannedEnd),
          winner: scenario === "b_wins" ? "B" : scenario === "a_wins" ? "A" : "tie",
          statistical_significance: counts.p,
          confidence: 1 - counts.p,
          decided_by: rng.pick(DECIDERS),
          decided_at: toIsoTimestamp(decidedAt),
          decision_reason: decisionReason(scenario, counts, counts.p),
        });
        busyUntil = decidedAt;
        if (scenario === "b_wins") {
          live = run;
          deployments.push({ from: decidedAt, run });
        }
      }
      abTests.push(row);
    });
    timeline.set(type, new ServingTimeline(deployments, tests));
  });
  return { timeline, abTests };
}
