import { Stat } from "@/components/ui/stat";
import { formatPoints, formatPValue } from "@/lib/ab-tests/format-stats";
import { formatCount, formatExact, formatPercent } from "@/lib/format";
import type { AbAnalysis } from "@/lib/stats/ab-analysis";
import type { AbTestRecord } from "@/lib/ab-tests/ab-test-row";
import styles from "../ab-tests.module.css";

/** The four headline figures: both rates, the difference, and P(B > A). */
export function AbTestFigures({ test, analysis }: { test: AbTestRecord; analysis: AbAnalysis }) {
  const rate = (value: number | null) => (value === null ? "—" : formatPercent(value, 1));
  return (
    <div className={styles.figures}>
      <Stat
        label="Variant A success rate"
        value={rate(analysis.a.rate)}
        exact={analysis.a.rate === null ? undefined : formatExact(analysis.a.rate)}
        detail={`${formatCount(test.a.successes)} of ${formatCount(test.a.samples)} · ${test.a.modelVersion}`}
        testId="rate-a"
      />
      <Stat
        label="Variant B success rate"
        value={rate(analysis.b.rate)}
        exact={analysis.b.rate === null ? undefined : formatExact(analysis.b.rate)}
        detail={`${formatCount(test.b.successes)} of ${formatCount(test.b.samples)} · ${test.b.modelVersion}`}
        testId="rate-b"
      />
      <Stat
        label="Difference B − A"
        value={analysis.difference.estimate === null ? "—" : formatPoints(analysis.difference.estimate)}
        detail={analysis.pValue === null ? "No p-value yet" : `${formatPValue(analysis.pValue)}, fixed-horizon`}
        testId="difference"
      />
      <Stat
        label="Chance B beats A"
        value={formatPercent(analysis.probabilityBBeatsA, 1)}
        exact={formatExact(analysis.probabilityBBeatsA, 9)}
        detail="Bayesian, uniform Beta(1, 1) priors"
        testId="probability-b-beats-a"
      />
    </div>
  );
}
