"use client";

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { AXIS_FORMATS, CHART_FORMATS } from "@/lib/ab-tests/format-stats";
import chartStyles from "@/components/runs/compare/compare.module.css";
import styles from "./ab-tests.module.css";

export type RatePoint = {
  day: string;
  /** "Nov 3", formatted on the server. */
  label: string;
  a: number | null;
  b: number | null;
  samplesA: number;
  samplesB: number;
};

const SERIES = [
  { key: "a", name: "A", color: "var(--text-subtle)" },
  { key: "b", name: "B", color: "var(--chart-1)" },
] as const;

const { percent } = CHART_FORMATS;

function RatesTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as RatePoint | undefined;
  if (!active || !point) return null;
  return (
    <div className={chartStyles.tooltip}>
      <div className={chartStyles.tooltipLabel}>Up to {point.label}</div>
      <div className="num">A {point.a === null ? "—" : percent(point.a)} of {point.samplesA.toLocaleString("en-US")}</div>
      <div className="num">B {point.b === null ? "—" : percent(point.b)} of {point.samplesB.toLocaleString("en-US")}</div>
    </div>
  );
}

/** Each variant's cumulative success rate by day: how the estimate settled as samples came in. */
export function RatesOverTimeChart({ points, domain }: { points: RatePoint[]; domain: [number, number] }) {
  return (
    <>
      <ul className={chartStyles.legend} aria-hidden="true">
        {SERIES.map((series) => (
          <li key={series.key}>
            <span className={styles.swatch} style={{ background: series.color }} />
            {series.name}, cumulative
          </li>
        ))}
      </ul>
      <div role="img" aria-label="Cumulative success rate of A and B by day">
        <LineChart data={points} responsive style={{ width: "100%", height: 240 }} margin={{ top: 8, right: 20, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis dataKey="label" tick={{ fill: "var(--text-subtle)", fontSize: 11.5 }} tickLine={false} axisLine={{ stroke: "var(--border)" }} minTickGap={16} />
          <YAxis domain={domain} tickFormatter={AXIS_FORMATS.percent} tick={{ fill: "var(--text-subtle)", fontSize: 11.5 }} tickLine={false} axisLine={false} width={52} allowDataOverflow />
          <Tooltip content={RatesTooltip} isAnimationActive={false} />
          {SERIES.map((series) => (
            <Line key={series.key} dataKey={series.key} name={series.name} stroke={series.color} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      </div>
    </>
  );
}
