"use client";

import { Bar, CartesianGrid, ComposedChart, ReferenceLine, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { AXIS_FORMATS, CHART_FORMATS } from "@/lib/ab-tests/format-stats";
import chartStyles from "@/components/runs/compare/compare.module.css";

export type ForestRow = {
  label: string;
  estimate: number;
  low: number;
  high: number;
  color: string;
  /** "95% Wilson, fixed-horizon": what the interval is, for the tooltip. */
  kind: string;
};

type Format = (value: number) => string;

type Props = {
  rows: ForestRow[];
  domain: [number, number];
  ticks: number[];
  /** Passed by name: a server component cannot hand a function to a client one. */
  unit: keyof typeof CHART_FORMATS;
  /** A reference line at 0, for differences. */
  zeroLine?: boolean;
  ariaLabel: string;
};

type ShapeProps = { x?: number; y?: number; width?: number; height?: number; payload?: ForestRow & { range: [number, number] } };

/** The interval as a line with end caps, and the estimate as a dot placed within it. */
function IntervalShape({ x = 0, y = 0, width = 0, height = 0, payload }: ShapeProps) {
  if (!payload) return null;
  const middle = y + height / 2;
  const span = payload.high - payload.low;
  const dotX = span > 0 ? x + (width * (payload.estimate - payload.low)) / span : x;
  return (
    <g>
      <line x1={x} x2={x + width} y1={middle} y2={middle} stroke={payload.color} strokeWidth={3} strokeLinecap="round" />
      <line x1={x} x2={x} y1={middle - 6} y2={middle + 6} stroke={payload.color} strokeWidth={2} />
      <line x1={x + width} x2={x + width} y1={middle - 6} y2={middle + 6} stroke={payload.color} strokeWidth={2} />
      <circle cx={dotX} cy={middle} r={6} fill="var(--surface)" stroke={payload.color} strokeWidth={3} />
    </g>
  );
}

function tooltipFor(format: Format) {
  return function ForestTooltip({ active, payload }: TooltipContentProps) {
    const row = payload?.[0]?.payload as ForestRow | undefined;
    if (!active || !row) return null;
    return (
      <div className={chartStyles.tooltip}>
        <div className={chartStyles.tooltipLabel}>
          {row.label} · {row.kind}
        </div>
        <div className="num">
          {format(row.estimate)} ({format(row.low)} to {format(row.high)})
        </div>
      </div>
    );
  };
}

/** A forest plot: one row per estimate with its interval, on a shared axis. */
export function ForestChart({ rows, domain, ticks, unit, zeroLine = false, ariaLabel }: Props) {
  const format = CHART_FORMATS[unit];
  const data = rows.map((row) => ({ ...row, range: [row.low, row.high] as [number, number] }));
  return (
    <div role="img" aria-label={ariaLabel}>
      <ComposedChart layout="vertical" data={data} responsive style={{ width: "100%", height: 40 + rows.length * 44 }} margin={{ top: 4, right: 36, bottom: 4, left: 4 }}>
        <CartesianGrid horizontal={false} stroke="var(--chart-grid)" />
        <XAxis type="number" domain={domain} ticks={ticks} interval="preserveStartEnd" minTickGap={4} tickFormatter={AXIS_FORMATS[unit]} tick={{ fill: "var(--text-subtle)", fontSize: 11.5 }} tickLine={false} axisLine={{ stroke: "var(--border)" }} allowDataOverflow />
        <YAxis type="category" dataKey="label" width={104} tick={{ fill: "var(--text-muted)", fontSize: 12 }} tickLine={false} axisLine={false} />
        {zeroLine && <ReferenceLine x={0} stroke="var(--text-subtle)" strokeDasharray="4 3" />}
        <Tooltip content={tooltipFor(format)} isAnimationActive={false} cursor={{ fill: "var(--surface-hover)" }} />
        <Bar dataKey="range" shape={IntervalShape} isAnimationActive={false} barSize={16} />
      </ComposedChart>
    </div>
  );
}
