import { formatCount, formatPercent } from "@/lib/format";
import type { AbAnalysis } from "@/lib/stats/ab-analysis";
import { sampleSizePerVariant } from "@/lib/stats/sample-size";
import { formatPValue } from "./format-stats";

export type GuardrailKind = "srm" | "not_significant" | "underpowered";

export type Guardrail = { kind: GuardrailKind; title: string; detail: string };

export type PowerProgress = {
  /** The effect, in percentage points of success rate, the sample size is planned for. */
  mdePoints: number;
  /** Samples per variant needed at 80% power and the test's α; null while A's rate is unknown, 0% or 100%. */
  requiredPerVariant: number | null;
  /** The smaller variant's samples: the test is as powered as its thinner side. */
  samplesPerVariant: number;
  /** samplesPerVariant / requiredPerVariant, capped at 1; null when the requirement is unknown. */
  progress: number | null;
};

/**
 * Samples per variant needed to detect a change of `mdePoints` percentage points from A's observed rate, upwards
 * or, when that would pass 100%, downwards.
 */
export function powerProgress(analysis: AbAnalysis, samples: { a: number; b: number }, mdePoints: number, alpha = 0.05): PowerProgress {
  const samplesPerVariant = Math.min(samples.a, samples.b);
  const baseline = analysis.a.rate;
  const effect = mdePoints / 100;
  let requiredPerVariant: number | null = null;
  if (baseline !== null && baseline > 0 && baseline < 1) {
    const signed = baseline + effect < 1 ? effect : baseline - effect > 0 ? -effect : null;
    if (signed !== null) requiredPerVariant = sampleSizePerVariant({ baselineRate: baseline, minimumDetectableEffect: signed, alpha });
  }
  return {
    mdePoints,
    requiredPerVariant,
    samplesPerVariant,
    progress: requiredPerVariant === null ? null : Math.min(1, samplesPerVariant / requiredPerVariant),
  };
}

/**
 * What stands against declaring a result, from the fixed-horizon analysis (the one the decision records):
 *   srm              the samples' split is not the planned one (p < 0.001): the assignment is broken
 *   not_significant  p ≥ α or no p at all
 *   underpowered     not significant, and fewer samples per variant than the chosen effect needs, so "no
 *                    difference" cannot be told from "too few samples" (a significant result needs no more power)
 */
export function abTestGuardrails(analysis: AbAnalysis, power: PowerProgress, trafficSplit: number, alpha = 0.05): Guardrail[] {
  const guardrails: Guardrail[] = [];
  if (analysis.srm.mismatch) {
    guardrails.push({
      kind: "srm",
      title: "Sample-ratio mismatch",
      detail: `B was planned to get ${formatPercent(trafficSplit, 0)} of traffic; a split as far off as the samples' happens by chance with ${formatPValue(analysis.srm.pValue ?? 1)}. The assignment may be broken, so the result cannot be trusted.`,
    });
  }
  const significant = analysis.pValue !== null && analysis.pValue < alpha;
  if (!significant) {
    guardrails.push({
      kind: "not_significant",
      title: "Not significant",
      detail:
        analysis.pValue === null
          ? "There is no p-value yet: a variant has no samples, or neither shows any variation."
          : `${formatPValue(analysis.pValue)} is not below α = ${alpha}: the data do not show a difference between A and B.`,
    });
    if (power.requiredPerVariant === null || power.samplesPerVariant < power.requiredPerVariant) {
      guardrails.push({
        kind: "underpowered",
        title: "Underpowered",
        detail:
          power.requiredPerVariant === null
            ? "The samples needed cannot be estimated until A has a success rate strictly between 0% and 100%."
            : `${formatCount(power.samplesPerVariant)} of the ${formatCount(power.requiredPerVariant)} samples per variant needed to detect ${power.mdePoints} percentage points with 80% power: a real difference of that size could still be hiding.`,
      });
    }
  }
  return guardrails;
}
