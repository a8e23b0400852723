"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatCompact, formatDay, formatLongDay } from "@/lib/format";
import type { TelemetryDay } from "@/lib/telemetry/telemetry-overview";

const TICK = { fill: "var(--text-subtle)", fontSize: 12 };
const STYLE = { width: "100%", height: 220 };
const MARGIN = { top: 8, right: 8, bottom: 0, left: 0 };
const TOOLTIP_STYLE = { background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 6, fontSize: 12.5 };

const xAxis = <XAxis dataKey="date" tickFormatter={formatDay} tickLine={false} axisLine={{ stroke: "var(--border)" }} tick={TICK} minTickGap={16} tickMargin={6} />;
const grid = <CartesianGrid vertical={false} stroke="var(--chart-grid)" />;
const labelFormatter = (label: unknown) => formatLongDay(String(label));
const percent = (value: unknown) => (typeof value === "number" ? `${(value * 100).toFixed(1)}%` : "–");

/** Queries and sessions per UTC day. */
export function VolumeChart({ data }: { data: TelemetryDay[] }) {
  return (
    <BarChart data={data} responsive style={STYLE} margin={MARGIN}>
      {grid}
      {xAxis}
      <YAxis allowDecimals={false} tickFormatter={formatCompact} tickLine={false} axisLine={false} tick={TICK} width={44} />
      <Tooltip labelFormatter={labelFormatter} contentStyle={TOOLTIP_STYLE} isAnimationActive={false} cursor={{ fill: "var(--surface-hover)" }} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Bar dataKey="queries" name="Queries" fill="var(--chart-1)" radius={[3, 3, 0, 0]} maxBarSize={24} />
      <Bar dataKey="sessions" name="Sessions" fill="var(--chart-2, #14b8a6)" radius={[3, 3, 0, 0]} maxBarSize={24} />
    </BarChart>
  );
}

/** Latency percentiles per day, in milliseconds. */
export function LatencyChart({ data }: { data: TelemetryDay[] }) {
  const ms = (value: unknown) => (typeof value === "number" ? `${Math.round(value).toLocaleString()} ms` : "–");
  return (
    <LineChart data={data} responsive style={STYLE} margin={MARGIN}>
      {grid}
      {xAxis}
      <YAxis tickFormatter={formatCompact} tickLine={false} axisLine={false} tick={TICK} width={44} />
      <Tooltip labelFormatter={labelFormatter} formatter={ms} contentStyle={TOOLTIP_STYLE} isAnimationActive={false} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Line dataKey="p50" name="p50" stroke="var(--chart-1)" dot={false} strokeWidth={2} isAnimationActive={false} />
      <Line dataKey="p95" name="p95" stroke="var(--warning)" dot={false} strokeWidth={2} isAnimationActive={false} />
      <Line dataKey="p99" name="p99" stroke="var(--danger)" dot={false} strokeWidth={2} isAnimationActive={false} />
    </LineChart>
  );
}

/** Error rate and positive-feedback ratio per day. */
export function RatesChart({ data }: { data: TelemetryDay[] }) {
  return (
    <LineChart data={data} responsive style={STYLE} margin={MARGIN}>
      {grid}
      {xAxis}
      <YAxis domain={[0, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} tickLine={false} axisLine={false} tick={TICK} width={44} />
      <Tooltip labelFormatter={labelFormatter} formatter={percent} contentStyle={TOOLTIP_STYLE} isAnimationActive={false} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Line dataKey="errorRate" name="Error rate" stroke="var(--danger)" dot={false} strokeWidth={2} isAnimationActive={false} connectNulls />
      <Line dataKey="positiveFeedbackRatio" name="Positive feedback" stroke="var(--success)" dot={false} strokeWidth={2} isAnimationActive={false} connectNulls />
    </LineChart>
  );
}
