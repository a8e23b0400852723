import { analyzeAbTest, type AbAnalysis } from "@/lib/stats/ab-analysis";
import type { AbTestRecord } from "./ab-test-row";
import { abTestGuardrails, powerProgress, type Guardrail, type PowerProgress } from "./guardrails";
import { DEFAULT_MDE_POINTS, mdePoints } from "./schema";

export type AbTestAnalysis = { fixed: AbAnalysis; sequential: AbAnalysis; power: PowerProgress; guardrails: Guardrail[] };

/** The page's minimum detectable effect from ?mde= (percentage points), or the default when absent or out of range. */
export function mdeFromSearchParam(value: string | string[] | undefined): number {
  const parsed = mdePoints.safeParse(Array.isArray(value) ? value[0] : (value ?? ""));
  return parsed.success ? parsed.data : DEFAULT_MDE_POINTS;
}

/** Both modes of the analysis, the power toward the chosen effect, and the guardrails the close form enforces. */
export function analysisOf(test: AbTestRecord, mde: number): AbTestAnalysis {
  const input = { a: test.a, b: test.b, trafficSplit: test.trafficSplit };
  const fixed = analyzeAbTest(input);
  const sequential = analyzeAbTest({ ...input, sequential: true });
  const power = powerProgress(fixed, { a: test.a.samples, b: test.b.samples }, mde);
  return { fixed, sequential, power, guardrails: abTestGuardrails(fixed, power, test.trafficSplit) };
}
