import type { Rng } from "@/lib/random";
import type { ModelType } from "@/lib/runs/model-types";
import { DAY_MS } from "@/lib/time";
import { isRunningScenario, type Scenario } from "./ab-scenarios";
import { SeedError } from "./errors";
import { type RunPlan, shiftOfflineAccuracy } from "./runs";
import { HOUR_MS, type TimeModel } from "./time-model";
import type { TrafficModel } from "./traffic";

/**
 * Which model version served traffic when, and the A/B tests that decided it.
 *
 * What an A/B test counts. A test's window is [started_at, ended_at), or from started_at to the end of the data
 * for a running test. A variant's samples are the labelled predictions (is_correct not NULL) its run made in the
 * window, and its successes those of them with is_correct = 1, so a success rate is the variant's live accuracy
 * on the test's traffic. Unlabelled predictions are left out: their outcome is not known yet. The counts are
 * never drawn: lib/seed/ab-results.ts derives them from the stored predictions once the traffic exists.
 *
 * The plan. Per model type, the size lists its tests' scenarios (lib/seed/ab-scenarios.ts), oldest first, the
 * last one running. The tests share the data window back to back, each in a slot as long as its scenario needs;
 * a test starts shortly after its candidate (variant B, the newest run trained in time) completed, against the
 * version live then (variant A). Other runs are deployed directly after training or never (experiments); a
 * direct deployment waits for a running test to end, so runs trained during the last test wait.
 *
 * The counts show the scenario because the plan sets what produces them: B's true live accuracy is A's plus the
 * gap that gives the scenario's expected z at the window's expected number of samples (TrafficModel), and a
 * sample-ratio-mismatch test routes less than its planned share to B. Routing is systematic (a per-test cursor,
 * like CorrectnessSampler) so a test's split is what was set, and correctness is systematic per run, so the
 * observed z differs from the planned one by about a third of the binomial noise (PLANNED_Z keeps more than four
 * such deviations from every threshold). If a seed's data still miss a scenario, ab-results.ts throws.
 */
export type PlannedAbTest = {
  id: string;
  modelType: ModelType;
  scenario: Scenario;
  a: RunPlan;
  b: RunPlan;
  start: number;
  /** The end of the window; a running test has none (its window runs to the end of the data). */
  end: number | null;
  /** The planned share of traffic for B, as recorded. */
  trafficSplit: number;
  decidedAt: number | null;
  decidedBy: string | null;
};

/**
 * Expected z (B − A) of each scenario. Correctness and routing are systematic, so the observed z scatters around
 * the planned one only by which predictions got labels: a standard deviation of √(unlabelled share), 0.36 for a
 * closed test and up to 0.42 for a running one whose last days are partly unlabelled (0.40 measured over 128 demo
 * tests). The decisive scenarios plan their threshold, 3.29 (p = 0.001) or 1.96 (p = 0.05), plus 1.6 to 1.7 (at
 * least 3.9 deviations); flat ones plan no difference, 1.96 (at least 4.6 deviations) from significance.
 */
const PLANNED_Z: Readonly<Record<Scenario, number>> = { significant: 5, b_wins: 3.6, a_wins: -3.6, tie: 0, inconclusive: 0, srm: 0 };
/** Share of the planned 50% that the broken assignment of a sample-ratio-mismatch test takes from B (~54/46). */
const SRM_SKEW = 0.045;
/** Relative slot lengths: decisive tests need more samples than flat ones. */
const SLOT_WEIGHT: Readonly<Record<Scenario, number>> = { b_wins: 4, a_wins: 4, significant: 4, srm: 3, tie: 1.5, inconclusive: 1.5 };
const MAX_TEST_MS = 45 * DAY_MS;
const MAX_GAP_MS = 3 * DAY_MS;
const MAX_LIVE_ACCURACY = 0.96;
const DECIDERS = ["mira.k", "devon.p", "ml-oncall", "sam.r", "priya.n"];

type Deployment = { from: number; run: RunPlan };

/**
 * How long a replaced version keeps predicting in shadow after its successor goes live, and on what share of the
 * queries. Shadow predictions are logged, never served: they give the paired comparison (/predictions/compare)
 * both versions' answers to the same queries, as teams do to watch for regressions before retiring a version.
 */
export const SHADOW_MS = 10 * DAY_MS;
export const SHADOW_SHARE = 0.5;

/** A test as the router sees it: `cursor` advances by B's share per routed prediction, B when it crosses an integer. */
type ActiveTest = { start: number; end: number; a: RunPlan; b: RunPlan; bShare: number; cursor: number };

export class ServingTimeline {
  private readonly deployments: Deployment[];
  private readonly tests: ActiveTest[];

  constructor(deployments: Deployment[], tests: ActiveTest[]) {
    this.deployments = [...deployments].sort((x, y) => x.from - y.from);
    this.tests = [...tests].sort((x, y) => x.start - y.start);
  }

  /**
   * The run that answers a query at `t`: during a test, A or B in the test's proportion (systematic assignment,
   * so its state carries from one day to the next and days must be generated in order); otherwise the live one.
   */
  servingRun(t: number): RunPlan | null {
    for (const test of this.tests) {
      if (t >= test.start && t < test.end) {
        const before = test.cursor;
        test.cursor += test.bShare;
        return Math.floor(test.cursor) > Math.floor(before) ? test.b : test.a;
      }
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

  /**
   * The version replaced by the latest deployment before `t`, while it still predicts in shadow (SHADOW_MS after
   * its successor went live), or null. Never a variant of a test running at `t`: a test's counts are its
   * variants' predictions in its window, and shadow answers were not served to anyone.
   */
  shadowRun(t: number): RunPlan | null {
    let index = -1;
    for (let i = 0; i < this.deployments.length && (this.deployments[i] as Deployment).from <= t; i++) index = i;
    if (index < 1) return null;
    const { from } = this.deployments[index] as Deployment;
    if (t >= from + SHADOW_MS) return null;
    const replaced = (this.deployments[index - 1] as Deployment).run;
    const inTest = this.tests.some((test) => t >= test.start && t < test.end && (test.a === replaced || test.b === replaced));
    return inTest ? null : replaced;
  }
}

type Slot = { from: number; to: number };

/**
 * The tests' slots, back to back and ending at the anchor, separated by gaps for the decision and any direct
 * deployment: lengths in proportion to SLOT_WEIGHT, at most MAX_TEST_MS, all after the window's first half day.
 * The running test's slot starts no later than just after the newest run completed, so it has a candidate.
 */
function layoutSlots(plan: readonly Scenario[], time: TimeModel, lastCompletedAt: number): { slots: Slot[]; gap: number } {
  if (plan.length === 0) return { slots: [], gap: 0 };
  const span = time.anchor - (time.windowStart + DAY_MS / 2);
  const gap = Math.min(MAX_GAP_MS, (0.15 * span) / plan.length);
  const free = span - (plan.length - 1) * gap;
  const weightOf = (scenarios: readonly Scenario[]) => scenarios.reduce((sum, scenario) => sum + SLOT_WEIGHT[scenario], 0);
  const running = plan[plan.length - 1] as Scenario;
  const runningLength = Math.max(Math.min(MAX_TEST_MS, (free * SLOT_WEIGHT[running]) / weightOf(plan)), time.anchor - lastCompletedAt + DAY_MS / 4);
  const unit = (free - runningLength) / weightOf(plan.slice(0, -1));
  const slots: Slot[] = [];
  let to = time.anchor;
  for (let j = plan.length - 1; j >= 0; j--) {
    const from = to - (j === plan.length - 1 ? runningLength : Math.min(MAX_TEST_MS, unit * SLOT_WEIGHT[plan[j] as Scenario]));
    slots.unshift({ from: Math.round(from), to: Math.round(to) });
    to = from - gap;
  }
  return { slots, gap };
}

/**
 * The longest delay from a candidate's completion to its test's start: 1.5 days, or an eighth of a short slot.
 * Candidates are chosen so that every test starts within the first quarter of its slot.
 */
function maxStartDelay(slot: Slot): number {
  return Math.min(1.5 * DAY_MS, (slot.to - slot.from) / 8);
}

/**
 * Sets B's live accuracy so the test's expected z is the scenario's, at the window's expected sample counts;
 * keeps B's offline accuracy above its live one. Returns how far B's offline metrics were raised, which later
 * runs inherit (they build on B).
 */
function planVariantAccuracy(rng: Rng, test: PlannedAbTest, expectedSamples: number, bShare: number): number {
  const { a, b, scenario } = test;
  const samplesA = expectedSamples * (1 - bShare);
  const samplesB = expectedSamples * bShare;
  const z = PLANNED_Z[scenario];
  let gap = 0;
  for (let i = 0; i < 5; i++) {
    const pooled = a.liveAccuracy + gap * bShare;
    gap = z * Math.sqrt(pooled * (1 - pooled) * (1 / samplesA + 1 / samplesB));
  }
  let live = a.liveAccuracy + gap;
  // A candidate already that much better keeps its own accuracy: the win is only clearer.
  if (scenario === "b_wins" || scenario === "significant") live = Math.max(live, b.liveAccuracy);
  if (live > MAX_LIVE_ACCURACY || live < 0.3) {
    throw new SeedError(
      `A/B test of ${test.modelType} ${b.row.model_version} vs ${a.row.model_version} (${scenario}) would need a live accuracy of ` +
        `${(live * 100).toFixed(1)}% for B at about ${Math.round(expectedSamples)} samples: too little traffic for this size's plan.`,
    );
  }
  b.liveAccuracy = live;
  // Offline accuracy stays 1 to 10 points above live, as generateRuns relates them: a winner raised above its
  // offline figure trained better than planned; a loser far below it had only a small offline gain over A.
  const offline = b.row.accuracy as number;
  const shift =
    offline < live + 0.01 ? live + rng.float(0.01, 0.03) - offline
    : offline > live + 0.1 ? Math.min(live + 0.1, Math.max(live + rng.float(0.07, 0.1), (a.row.accuracy as number) + rng.float(0.002, 0.01))) - offline
    : 0;
  shiftOfflineAccuracy(b, shift);
  return Math.max(0, shift);
}

type TypePlan = { deployments: Deployment[]; active: ActiveTest[]; tests: PlannedAbTest[] };

function planModelType(
  rng: Rng,
  modelType: ModelType,
  runs: readonly RunPlan[],
  plan: readonly Scenario[],
  time: TimeModel,
  traffic: TrafficModel,
  directPromotionShare: number,
): TypePlan {
  const completed = runs.filter((run) => run.completedAt !== null);
  const { slots, gap } = layoutSlots(plan, time, completed[completed.length - 1]?.completedAt ?? time.anchor);
  // Each slot's candidate: the newest run that completed early enough, newer than the previous candidate.
  const candidates: number[] = [];
  slots.forEach((slot, j) => {
    const latest = slot.from + (slot.to - slot.from) / 4 - maxStartDelay(slot);
    const previous = candidates[j - 1] ?? 0;
    let pick = -1;
    for (let p = completed.length - 1; p > previous; p--) {
      if ((completed[p] as RunPlan).completedAt! <= latest) {
        pick = p;
        break;
      }
    }
    if (pick < 0) throw new SeedError(`No ${modelType} run completed in time for A/B test ${j + 1} of ${plan.length}.`);
    candidates.push(pick);
  });

  const result: TypePlan = { deployments: [], active: [], tests: [] };
  let live: RunPlan | null = null;
  let busyUntil = -Infinity;
  let lift = 0;
  let next = 0;
  completed.forEach((run, position) => {
    const completedAt = run.completedAt as number;
    // Later versions build on the accuracy that earlier A/B winners reached.
    run.liveAccuracy += lift;
    shiftOfflineAccuracy(run, lift);
    if (position === candidates[next]) {
      const slot = slots[next] as Slot;
      const scenario = plan[next] as Scenario;
      next++;
      if (!live) throw new SeedError(`No ${modelType} version was live when its A/B test ${next} started.`);
      const start = Math.round(Math.max(slot.from, completedAt + rng.float(0.2, 1) * maxStartDelay(slot)));
      const closed = !isRunningScenario(scenario);
      const trafficSplit = scenario === "tie" && rng.chance(0.3) ? rng.pick([0.2, 0.3]) : 0.5;
      const bShare = scenario === "srm" ? trafficSplit - SRM_SKEW : trafficSplit;
      const decidedAt = closed ? Math.round(slot.to + rng.float(0.05, 0.35) * gap) : null;
      const test: PlannedAbTest = {
        id: rng.uuid(),
        modelType,
        scenario,
        a: live,
        b: run,
        start,
        end: closed ? slot.to : null,
        trafficSplit,
        decidedAt,
        decidedBy: closed ? rng.pick(DECIDERS) : null,
      };
      const expected = traffic.expectedLabelledPredictions(modelType, start, test.end ?? time.anchor);
      lift += planVariantAccuracy(rng, test, expected, bShare);
      result.tests.push(test);
      result.active.push({ start, end: test.end ?? Infinity, a: live, b: run, bShare, cursor: rng.next() });
      busyUntil = decidedAt ?? Infinity;
      if (scenario === "b_wins") {
        live = run;
        result.deployments.push({ from: decidedAt as number, run });
      }
      return;
    }
    if (position > (candidates[candidates.length - 1] ?? Infinity)) return; // trained during the last test: waits
    if (position > 0 && !rng.chance(directPromotionShare)) return;
    const from = Math.round(Math.max(completedAt + rng.float(0.3, 2) * DAY_MS, busyUntil + rng.float(1, 6) * HOUR_MS));
    const deadline = (slots[next]?.from ?? time.anchor) - HOUR_MS;
    if (from >= deadline) return; // no room before the next test: never deployed
    if (from > ((completed[position + 1]?.completedAt as number | undefined) ?? Infinity)) return; // superseded first
    live = run;
    result.deployments.push({ from, run });
    busyUntil = from;
  });
  return result;
}

export type DeploymentPlan = { timeline: Map<ModelType, ServingTimeline>; abTests: PlannedAbTest[] };

export function planDeployments(
  rng: Rng,
  runsByType: Map<ModelType, RunPlan[]>,
  time: TimeModel,
  traffic: TrafficModel,
  abTestPlan: Readonly<Record<ModelType, readonly Scenario[]>>,
  directPromotionShare: number,
): DeploymentPlan {
  const timeline = new Map<ModelType, ServingTimeline>();
  const abTests: PlannedAbTest[] = [];
  for (const [modelType, runs] of runsByType) {
    const plan = abTestPlan[modelType];
    plan.forEach((scenario, j) => {
      if (isRunningScenario(scenario) !== (j === plan.length - 1)) {
        throw new SeedError(`The ${modelType} A/B test plan must end with its one running test: ${plan.join(", ")}.`);
      }
    });
    const typePlan = planModelType(rng.fork(modelType), modelType, runs, plan, time, traffic, directPromotionShare);
    timeline.set(modelType, new ServingTimeline(typePlan.deployments, typePlan.active));
    abTests.push(...typePlan.tests);
  }
  return { timeline, abTests };
}
