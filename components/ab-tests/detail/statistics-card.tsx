import { Card } from "@/components/ui/card";
import { SEQUENTIAL_TUNING_PARAMETER } from "@/lib/stats/sequential";
import { formatCount, formatPercent } from "@/lib/format";
import type { AbAnalysis } from "@/lib/stats/ab-analysis";
import styles from "../ab-tests.module.css";
import { Change, Dash, Interval, Points, PValue } from "./values";
import stacked from "@/components/ui/stacked-table.module.css";

const INTERVAL_ROWS = [
  { key: "difference", label: "Difference B − A", testId: "stat-difference", kind: "points" },
  { key: "relativeLift", label: "Relative lift B / A − 1", testId: "stat-lift", kind: "change" },
] as const;

type Props = { fixed: AbAnalysis; sequential: AbAnalysis; trafficSplit: number; samples: { a: number; b: number } };

/**
 * Every statistic with the mode it comes from: fixed-horizon (valid when looked at once, at the planned sample
 * size) beside sequential (always valid, for a test looked at every day).
 */
export function StatisticsCard({ fixed, sequential, trafficSplit, samples }: Props) {
  const total = samples.a + samples.b;
  return (
    <Card title="Statistics" description="95% intervals. Fixed-horizon holds for one look at the planned sample size; sequential holds however often you look." flush data-testid="statistics">
      <div className={styles.tableScroll}>
        <table className={`${styles.statsTable} ${stacked.grid}`}>
          <thead>
            <tr>
              <th scope="col">Quantity</th>
              <th scope="col" className={styles.numeric}>
                Estimate
              </th>
              <th scope="col" className={styles.numeric}>
                Fixed-horizon
              </th>
              <th scope="col" className={styles.numeric}>
                Sequential
              </th>
            </tr>
          </thead>
          <tbody className="num">
            {INTERVAL_ROWS.map(({ key, label, testId, kind }) => (
              <tr key={key} data-testid={testId}>
                <th scope="row">{label}</th>
                <td className={styles.numeric} data-label="Estimate">{kind === "points" ? <Points value={fixed[key].estimate} /> : <Change value={fixed[key].estimate} />}</td>
                <td className={styles.numeric} data-mode="fixed-horizon" data-label="Fixed-horizon">
                  <Interval ci={fixed[key].ci} kind={kind} />
                </td>
                <td className={styles.numeric} data-mode="sequential" data-label="Sequential">
                  <Interval ci={sequential[key].ci} kind={kind} />
                </td>
              </tr>
            ))}
            <tr data-testid="stat-p-value">
              <th scope="row">p-value, two-sided</th>
              <td className={styles.numeric} data-label="z">{fixed.zScore === null ? <Dash /> : <span title={String(fixed.zScore)}>z = {fixed.zScore.toFixed(2).replace("-", "\u2212")}</span>}</td>
              <td className={styles.numeric} data-mode="fixed-horizon" data-label="Fixed-horizon">
                <PValue value={fixed.pValue} />
              </td>
              <td className={styles.numeric} data-mode="sequential" data-label="Sequential">
                <PValue value={sequential.pValue} />
              </td>
            </tr>
            <tr data-testid="stat-probability">
              <th scope="row">P(B beats A)</th>
              <td className={styles.numeric} colSpan={3}>
                <span title={String(fixed.probabilityBBeatsA)}>{formatPercent(fixed.probabilityBBeatsA, 1)}</span>
                <span className={styles.muted}> · Bayesian, exact, uniform priors</span>
              </td>
            </tr>
            <tr data-testid="stat-srm">
              <th scope="row">Sample ratio</th>
              <td className={styles.numeric} colSpan={3}>
                {total === 0 ? (
                  <Dash />
                ) : (
                  <>
                    {formatPercent(samples.b / total, 1)} of {formatCount(total)} to B, planned {formatPercent(trafficSplit, 0)} ·{" "}
                    {fixed.srm.mismatch ? <strong className={styles.errorText}>mismatch</strong> : "as planned"} (χ² <PValue value={fixed.srm.pValue} />)
                  </>
                )}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <p className={`${styles.modeNote} ${styles.cardNote}`}>
        Fixed-horizon: unpooled z-test and Wald interval (the p-value a decision records), delta-method lift. Sequential: asymptotic
        confidence sequences (Waudby-Smith et al. 2023, GrowthBook&apos;s tuning {formatCount(SEQUENTIAL_TUNING_PARAMETER)}).
      </p>
    </Card>
  );
}
