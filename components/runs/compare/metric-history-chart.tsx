"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis, type DotItemDotProps, type TooltipContentProps } from "recharts";
import { formatPercent } from "@/lib/format";
import type { VersionPoint } from "@/lib/runs/compare-runs";
import styles from "./compare.module.css";
import { HISTORY_SERIES } from "./history-series";


const TICK = { fill: "var(--text-subtle)", fontSize: 11.5 };

/** Ticks every 5 points (every 10 on a wide range), so the labels are round percentages. */
function ticksOf([low, high]: [number, number]): number[] {
  const step = high - low > 0.4 ? 0.1 : 0.05;
  const count = Math.round((high - low) / step);
  return Array.from({ length: count + 1 }, (_, i) => Number((low + i * step).toFixed(4)));
}

function HistoryTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as VersionPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className={styles.tooltip}>
      <div className={styles.tooltipLabel}>
        {point.modelVersion}
        {point.compared ? " · compared" : ""}
      </div>
      {HISTORY_SERIES.map(({ key, name, color }) => (
        <div key={key} className={styles.tooltipRow}>
          <span className={styles.swatch} style={{ background: color }} />
          <span>{name}</span>
          <span className={`num ${styles.tooltipValue}`}>
            {point[key] === null ? "—" : formatPercent(point[key])}
          </span>
        </div>
      ))}
    </div>
  );
}

/** Compared versions get a large dot, the others a small one, so they stand out on every line. */
function dotFor(color: string) {
  function HistoryDot({ cx, cy, payload, value, index }: DotItemDotProps) {
    if (cx === undefined || cy === undefined || value === null || value === undefined) return <g key={index} />;
    const compared = (payload as VersionPoint).compared;
    return <circle key={index} cx={cx} cy={cy} r={compared ? 5 : 2.5} fill={compared ? color : "var(--surface)"} stroke={color} strokeWidth={compared ? 2 : 1.5} />;
  }
  return HistoryDot;
}

/**
 * Every metric across all versions of one model type, oldest first by semver, with the compared versions
 * marked by a vertical line and large dots. Gaps are versions without that figure (still training, no labels).
 */
export function MetricHistoryChart({ points, domain }: { points: VersionPoint[]; domain: [number, number] }) {
  return (
    <LineChart data={points} responsive style={{ width: "100%", height: 260 }} margin={{ top: 8, right: 28, bottom: 0, left: 0 }}>
      <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
      <XAxis dataKey="modelVersion" tick={{ ...TICK, fontFamily: "var(--font-mono)" }} tickLine={false} axisLine={{ stroke: "var(--border)" }} minTickGap={8} tickMargin={6} />
      <YAxis domain={domain} ticks={ticksOf(domain)} tickFormatter={(value: number) => `${Math.round(value * 100)}%`} tick={TICK} tickLine={false} axisLine={false} width={44} allowDataOverflow />
      {points
        .filter((point) => point.compared)
        .map((point) => (
          <ReferenceLine key={point.runId} x={point.modelVersion} stroke="var(--border-strong)" strokeDasharray="4 3" />
        ))}
      <Tooltip content={HistoryTooltip} isAnimationActive={false} cursor={{ stroke: "var(--border-strong)" }} />
      {HISTORY_SERIES.map(({ key, name, color, dashed }) => (
        <Line
          key={key}
          dataKey={key}
          name={name}
          stroke={color}
          strokeWidth={2}
          strokeDasharray={dashed ? "5 4" : undefined}
          dot={dotFor(color)}
          activeDot={{ r: 5 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}
