"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { formatCompact, formatCountOf, formatDay, formatLongDay } from "@/lib/format";
import type { DailyQueryCount } from "@/lib/overview/query-volume";
import styles from "./overview.module.css";

function ChartTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as DailyQueryCount | undefined;
  if (!active || !point) return null;
  return (
    <div className={styles.tooltip}>
      <div className={styles.tooltipLabel}>{formatLongDay(point.date)}</div>
      <div className="num">{formatCountOf(point.count, "query", "queries")}</div>
    </div>
  );
}

const TICK = { fill: "var(--text-subtle)", fontSize: 12 };

/** Queries per UTC day; the server aggregates, this only draws. */
export function QueriesPerDayChart({ data }: { data: DailyQueryCount[] }) {
  return (
    <BarChart data={data} responsive style={{ width: "100%", height: 220 }} margin={{ top: 8, right: 4, bottom: 0, left: 0 }}>
      <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
      <XAxis
        dataKey="date"
        tickFormatter={formatDay}
        tickLine={false}
        axisLine={{ stroke: "var(--border)" }}
        tick={TICK}
        minTickGap={16}
        tickMargin={6}
      />
      <YAxis allowDecimals={false} tickFormatter={formatCompact} tickLine={false} axisLine={false} tick={TICK} width={44} />
      <Tooltip cursor={{ fill: "var(--surface-hover)", stroke: "none" }} content={ChartTooltip} isAnimationActive={false} />
      <Bar dataKey="count" name="Queries" fill="var(--chart-1)" radius={[3, 3, 0, 0]} maxBarSize={28} />
    </BarChart>
  );
}
