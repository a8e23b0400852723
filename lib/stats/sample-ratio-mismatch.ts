import { erfc } from "./normal";

export type SampleRatioMismatch = { chiSquare: number; pValue: number };

/**
 * Sample-ratio-mismatch check: Pearson's χ² goodness of fit of the observed split against the planned one
 * (Fabijan et al., "Diagnosing Sample Ratio Mismatch in Online Controlled Experiments", KDD 2019). With two
 * variants there is one degree of freedom, so p = P(χ²₁ ≥ x) = erfc(√(x/2)). A tiny p means the assignment
 * itself is broken and the test's other results cannot be trusted. `trafficSplitB` is the planned share of B.
 * Null when there are no samples at all.
 */
export function sampleRatioMismatch(samplesA: number, samplesB: number, trafficSplitB: number): SampleRatioMismatch | null {
  if (!Number.isInteger(samplesA) || !Number.isInteger(samplesB) || samplesA < 0 || samplesB < 0) {
    throw new RangeError(`sample counts must be whole and non-negative, got ${samplesA} and ${samplesB}`);
  }
  if (!(trafficSplitB > 0 && trafficSplitB < 1)) throw new RangeError(`traffic split must lie in (0, 1), got ${trafficSplitB}`);
  const total = samplesA + samplesB;
  if (total === 0) return null;
  const expectedB = total * trafficSplitB;
  const expectedA = total - expectedB;
  const chiSquare = (samplesA - expectedA) ** 2 / expectedA + (samplesB - expectedB) ** 2 / expectedB;
  return { chiSquare, pValue: erfc(Math.sqrt(chiSquare / 2)) };
}
