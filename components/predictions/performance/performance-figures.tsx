import { Badge } from "@/components/ui/badge";
import { Stat } from "@/components/ui/stat";
import { formatCount, formatExact, formatPercent } from "@/lib/format";
import type { RunPerformance } from "@/lib/predictions/run-performance";
import styles from "../predictions.module.css";

const pct = (value: number | null) => (value === null ? "—" : formatPercent(value));
const exact = (value: number | null) => (value === null ? undefined : formatExact(value));
const points = (value: number) => `${value >= 0 ? "+" : "\u2212"}${(Math.abs(value) * 100).toFixed(1)} pts`;

/** The headline figures of a version on live traffic. */
export function PerformanceFigures({ performance }: { performance: RunPerformance }) {
  const { report, interval, gap } = performance;
  return (
    <div className={styles.figures}>
      <Stat
        label="Live accuracy"
        value={pct(performance.accuracy)}
        exact={exact(performance.accuracy)}
        testId="live-accuracy"
        detail={interval ? `95% CI ${formatPercent(interval.lower)}–${formatPercent(interval.upper)} · ${formatCount(performance.correct)} of ${formatCount(performance.labelled)} right` : "No labelled predictions yet"}
      />
      <Stat
        label="Labelled coverage"
        value={performance.predictions === 0 ? "—" : formatPercent(performance.labelled / performance.predictions)}
        testId="coverage"
        detail={`${formatCount(performance.labelled)} of ${formatCount(performance.predictions)} predictions have ground truth`}
      />
      <Stat
        label="Macro F1"
        value={report.macro.f1 === null ? "—" : report.macro.f1.toFixed(3)}
        exact={exact(report.macro.f1)}
        testId="macro-f1"
        detail={report.macro.precision === null ? "No labelled predictions yet" : `precision ${report.macro.precision.toFixed(3)} · recall ${report.macro.recall!.toFixed(3)}`}
      />
      <Stat
        label="Expected calibration error"
        value={report.ece === null ? "—" : report.ece.toFixed(3)}
        exact={exact(report.ece)}
        testId="ece"
        detail={report.brier === null ? "No confidences on labelled predictions" : `Brier score ${report.brier.toFixed(3)}`}
      />
      <Stat
        label="Training − live accuracy"
        value={gap ? points(gap.gap) : "—"}
        exact={gap ? formatExact(gap.gap) : undefined}
        testId="training-gap"
        detail={
          gap ? (
            <span className={styles.flag}>
              95% CI {points(gap.lower)} to {points(gap.upper)}
              {gap.liveSignificantlyWorse ? (
                <Badge tone="danger" data-testid="gap-flag">
                  Live significantly worse
                </Badge>
              ) : (
                <Badge tone="neutral">No significant drop</Badge>
              )}
            </span>
          ) : (
            "Needs a training accuracy and labelled predictions"
          )
        }
      />
    </div>
  );
}
