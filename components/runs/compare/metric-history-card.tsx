import { Card } from "@/components/ui/card";
import { formatCountOf } from "@/lib/format";
import type { ModelHistory } from "@/lib/runs/compare-runs";
import { MODEL_TYPE_LABELS } from "@/lib/runs/model-types";
import styles from "./compare.module.css";
import { HISTORY_SERIES } from "./history-series";
import { MetricHistoryChart } from "./metric-history-chart";

/** A y-axis range around the values, in whole 5-point steps, so the lines' movement is readable. */
function domainOf(history: ModelHistory): [number, number] {
  const values = history.points.flatMap((p) => [p.accuracy, p.precision, p.recall, p.f1Score, p.liveAccuracy]).filter((v): v is number => v !== null);
  if (values.length === 0) return [0, 1];
  return [Math.max(0, Math.floor(Math.min(...values) * 20) / 20), Math.min(1, Math.ceil(Math.max(...values) * 20) / 20)];
}

export function MetricHistoryCard({ history }: { history: ModelHistory }) {
  const compared = history.points.filter((point) => point.compared).map((point) => point.modelVersion);
  return (
    <Card
      title={`${MODEL_TYPE_LABELS[history.modelType]}: every version`}
      description={`${formatCountOf(history.points.length, "version")} by semantic version; compared: ${compared.join(", ")}.`}
      data-testid={`history-${history.modelType}`}
    >
      <ul className={styles.legend}>
        {HISTORY_SERIES.map(({ key, name, color, dashed }) => (
          <li key={key} className={styles.legendItem} style={{ color }}>
            <span className={`${styles.legendLine} ${dashed ? styles.legendDashed : ""}`} />
            <span className={styles.muted}>{name}</span>
          </li>
        ))}
        <li className={styles.legendItem}>
          <span className={`${styles.legendLine} ${styles.legendDashed}`} style={{ color: "var(--border-strong)" }} />
          <span className={styles.muted}>compared version</span>
        </li>
      </ul>
      <div
        className={styles.chart}
        role="img"
        aria-label={`${MODEL_TYPE_LABELS[history.modelType]} metrics across ${history.points.length} versions, compared versions ${compared.join(", ")}`}
      >
        <MetricHistoryChart points={history.points} domain={domainOf(history)} />
      </div>
    </Card>
  );
}
