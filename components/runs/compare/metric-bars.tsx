"use client";

import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/lib/format";
import styles from "./compare.module.css";

export type MetricBarRun = {
  id: string;
  label: string;
  accuracy: number | null;
  precision: number | null;
  recall: number | null;
  f1Score: number | null;
};

const METRICS = [
  { key: "accuracy", title: "Accuracy" },
  { key: "precision", title: "Precision" },
  { key: "recall", title: "Recall" },
  { key: "f1Score", title: "F1 score" },
] as const;

const TICK = { fill: "var(--text-subtle)", fontSize: 11.5 };
const LABEL_TICK = { fill: "var(--text-muted)", fontSize: 12, fontFamily: "var(--font-mono)" };

const percentTick = (value: number) => `${Math.round(value * 100)}%`;
const percentLabel = (value: number | null) => (value === null ? "not recorded" : formatPercent(value));

/** "+1.5" or "−0.3" percentage points against the baseline run; nothing for the baseline itself. */
function pointsAgainst(value: number | null, baseline: number | null): string {
  if (value === null || baseline === null) return "";
  const points = (value - baseline) * 100;
  if (Math.abs(points) < 0.05) return " (±0)";
  return ` (${points > 0 ? "+" : "\u2212"}${Math.abs(points).toFixed(1)})`;
}

/**
 * One small bar chart per training metric, a bar per run, on the full 0–100% scale so bar lengths stay honest;
 * the exact figure is printed at the end of each bar, with the difference from the first run in points, which
 * the bars alone would hide. The server aggregates; this only draws.
 */
export function MetricBars({ runs }: { runs: MetricBarRun[] }) {
  const height = 36 + runs.length * 30;
  const baseline = runs[0];
  // Each bar's label: the figure, and for the other runs its difference from the first run in points.
  const data = runs.map((run, i) => ({
    ...run,
    labels: Object.fromEntries(
      METRICS.map(({ key }) => [key, `${percentLabel(run[key])}${i === 0 || !baseline ? "" : pointsAgainst(run[key], baseline[key])}`]),
    ),
  }));
  const labelWidth = Math.min(150, 24 + Math.max(...runs.map((run) => run.label.length)) * 7.5);
  return (
    <div className={styles.smallMultiples}>
      {METRICS.map(({ key, title }) => (
        <figure key={key} className={`${styles.chart} ${styles.figure}`} data-testid={`metric-bars-${key}`}>
          <figcaption className={styles.chartTitle}>{title}</figcaption>
          <BarChart
            data={data}
            layout="vertical"
            responsive
            style={{ width: "100%", height }}
            margin={{ top: 4, right: runs.length > 1 ? 96 : 56, bottom: 0, left: 0 }}
            accessibilityLayer
            aria-label={`${title} per run: ${data.map((run) => `${run.label} ${run.labels[key]}`).join(", ")}`}
          >
            <CartesianGrid horizontal={false} stroke="var(--chart-grid)" />
            <XAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={percentTick} tick={TICK} tickLine={false} axisLine={{ stroke: "var(--border)" }} />
            <YAxis type="category" dataKey="label" tick={LABEL_TICK} tickLine={false} axisLine={false} width={labelWidth} />
            <Bar dataKey={key} fill="var(--series-bar)" radius={[0, 3, 3, 0]} maxBarSize={18} isAnimationActive={false}>
              <LabelList dataKey={`labels.${key}`} position="right" fill="var(--text-muted)" fontSize={11.5} />
            </Bar>
          </BarChart>
        </figure>
      ))}
    </div>
  );
}
