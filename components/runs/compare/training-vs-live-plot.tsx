import { Card } from "@/components/ui/card";
import { formatPercent } from "@/lib/format";
import type { ComparedRun } from "@/lib/runs/compare-runs";
import { runLabeller } from "./compare-links";
import styles from "./compare.module.css";

/** A domain around the values in steps of 5 points, so small differences are visible but never exaggerated. */
function domainOf(values: number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  const step = 0.05;
  const low = Math.max(0, Math.floor((Math.min(...values) - 0.01) / step) * step);
  const high = Math.min(1, Math.ceil((Math.max(...values) + 0.01) / step) * step);
  return high - low < 0.1 ? [Math.max(0, high - 0.1), Math.max(high, 0.1)] : [low, high];
}

/**
 * A forest plot: each run's live accuracy with its 95% Wilson interval, and its training accuracy beside it.
 * Overlapping intervals mean the live data cannot yet tell the runs apart; a training mark outside its own
 * interval is the gap the detail page flags. Drawn with HTML, so it needs no client code.
 */
export function TrainingVsLivePlot({ runs }: { runs: ComparedRun[] }) {
  const label = runLabeller(runs);
  const values = runs.flatMap((run) => [run.accuracy, run.live.interval?.lower, run.live.interval?.upper].filter((v): v is number => typeof v === "number"));
  const [low, high] = domainOf(values);
  const at = (value: number) => `${((value - low) / (high - low)) * 100}%`;
  const ticks = Array.from({ length: Math.round((high - low) / 0.05) + 1 }, (_, i) => low + i * 0.05);
  const tickEvery = ticks.length > 9 ? 2 : 1;

  return (
    <Card
      title="Training vs live accuracy"
      description="Live accuracy with its 95% Wilson interval; overlapping intervals cannot yet be told apart."
      data-testid="training-vs-live"
    >
      <ul className={styles.legend} aria-hidden="true">
        <li className={styles.legendItem}>
          <span className={styles.markerDot} /> live accuracy and interval
        </li>
        <li className={styles.legendItem}>
          <span className={styles.markerDiamond} /> training accuracy
        </li>
      </ul>
      <ul className={styles.forest}>
        {runs.map((run) => {
          const { live } = run;
          const description = [
            live.accuracy === null || !live.interval
              ? "no labelled predictions"
              : `live ${formatPercent(live.accuracy)} (${formatPercent(live.interval.lower)} – ${formatPercent(live.interval.upper)})`,
            run.accuracy === null ? "no training accuracy" : `training ${formatPercent(run.accuracy)}`,
          ].join(", ");
          return (
            <li key={run.id} className={styles.forestRow} data-testid="forest-row" data-run-id={run.id}>
              <span className={styles.forestLabel}>{label(run)}</span>
              <span className={styles.track} role="img" aria-label={`${label(run)}: ${description}`}>
                {ticks.map((tick) => (
                  <span key={tick} className={styles.gridLine} style={{ left: at(tick) }} />
                ))}
                {live.interval && (
                  <span className={styles.interval} style={{ left: at(live.interval.lower), width: `calc(${at(live.interval.upper)} - ${at(live.interval.lower)})` }} />
                )}
                {live.accuracy !== null && <span className={styles.liveDot} style={{ left: at(live.accuracy) }} />}
                {run.accuracy !== null && <span className={styles.trainingMark} style={{ left: at(run.accuracy) }} />}
              </span>
              <span className={`${styles.forestValues} num`}>
                {live.accuracy === null ? <span className={styles.muted}>no labels</span> : formatPercent(live.accuracy)}
                <span className={styles.muted}> live · </span>
                {run.accuracy === null ? <span className={styles.muted}>—</span> : formatPercent(run.accuracy)}
                <span className={styles.muted}> training</span>
              </span>
            </li>
          );
        })}
        <li className={styles.forestRow} aria-hidden="true">
          <span className={styles.forestAxisSpacer} />
          <span className={styles.axis}>
            {ticks.map((tick, i) =>
              i % tickEvery === 0 ? (
                <span key={tick} className={styles.tick} style={{ left: at(tick) }}>
                  {Math.round(tick * 100)}%
                </span>
              ) : null,
            )}
          </span>
          <span className={styles.forestAxisSpacer} />
        </li>
      </ul>
    </Card>
  );
}
