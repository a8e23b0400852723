import { ForestChart, type ForestRow } from "@/components/ab-tests/forest-chart";
import { Card } from "@/components/ui/card";
import { axisTicks, differenceDomain, rateDomain } from "@/lib/ab-tests/detail-view";
import { CHART_FORMATS } from "@/lib/ab-tests/format-stats";
import type { AbTestRecord } from "@/lib/ab-tests/ab-test-row";
import type { AbAnalysis } from "@/lib/stats/ab-analysis";
import styles from "../ab-tests.module.css";

const { percent, points } = CHART_FORMATS;

/** Forest plots: each variant's rate with its Wilson interval, and the difference in both modes against 0. */
export function IntervalsCard({ test, fixed, sequential }: { test: AbTestRecord; fixed: AbAnalysis; sequential: AbAnalysis }) {
  const rates: ForestRow[] = [];
  for (const [side, label, color] of [["a", `A · ${test.a.modelVersion}`, "var(--text-subtle)"], ["b", `B · ${test.b.modelVersion}`, "var(--chart-1)"]] as const) {
    const { rate, ci } = fixed[side];
    if (rate !== null && ci) rates.push({ label, estimate: rate, low: ci[0], high: ci[1], color, kind: "95% Wilson, fixed-horizon" });
  }
  const differences: ForestRow[] = [];
  const estimate = fixed.difference.estimate;
  if (estimate !== null && fixed.difference.ci && sequential.difference.ci) {
    differences.push(
      { label: "Fixed-horizon", estimate, low: fixed.difference.ci[0], high: fixed.difference.ci[1], color: "var(--chart-1)", kind: "95% unpooled normal" },
      { label: "Sequential", estimate, low: sequential.difference.ci[0], high: sequential.difference.ci[1], color: "var(--warning)", kind: "95% confidence sequence" },
    );
  }
  const rateAxis = rateDomain(rates.flatMap((row) => [row.low, row.high]));
  const differenceAxis = differenceDomain(differences.flatMap((row) => [row.low, row.high]));
  return (
    <Card title="Intervals" description="Each variant's success rate, and the difference B − A: an interval clear of 0 is a difference the data show." data-testid="intervals">
      {rates.length === 0 ? (
        <p className={styles.chartEmpty}>No samples yet. Refresh from predictions once the versions have labelled predictions in the test window.</p>
      ) : (
        <>
          <ForestChart
            rows={rates}
            domain={rateAxis}
            ticks={axisTicks(rateAxis, "rate")}
            unit="percent"
            ariaLabel={rates.map((row) => `${row.label}: ${percent(row.estimate)}, 95% interval ${percent(row.low)} to ${percent(row.high)}`).join("; ")}
          />
          {differences.length > 0 && (
            <ForestChart
              rows={differences}
              domain={differenceAxis}
              ticks={axisTicks(differenceAxis, "difference")}
              unit="points"
              zeroLine
              ariaLabel={differences.map((row) => `Difference, ${row.label}: ${points(row.estimate)}, 95% interval ${points(row.low)} to ${points(row.high)}`).join("; ")}
            />
          )}
        </>
      )}
    </Card>
  );
}
