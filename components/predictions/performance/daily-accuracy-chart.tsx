"use client";

import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { formatCount, formatDay, formatLongDay, formatPercent } from "@/lib/format";
import type { DailyAccuracy } from "@/lib/predictions/run-performance";
import styles from "../predictions.module.css";

const TICK = { fill: "var(--text-subtle)", fontSize: 12 };

type Point = DailyAccuracy & { band: [number, number] | null };

function DayTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as Point | undefined;
  if (!active || !point) return null;
  return (
    <div className={styles.tooltip}>
      <div>{formatLongDay(point.day)}</div>
      <div className="num">
        {point.accuracy === null ? "nothing labelled" : `accuracy ${formatPercent(point.accuracy)} (${formatCount(point.correct)} of ${formatCount(point.labelled)})`}
      </div>
      {point.interval && <div className="num">95% CI {formatPercent(point.interval.lower)}–{formatPercent(point.interval.upper)}</div>}
      <div className="num">{formatCount(point.predictions)} predictions</div>
    </div>
  );
}

/** Live accuracy per UTC day with its Wilson band, against the training accuracy: drift shows as a slope. */
export function DailyAccuracyChart({ days, trainingAccuracy }: { days: DailyAccuracy[]; trainingAccuracy: number | null }) {
  const data: Point[] = days.map((day) => ({ ...day, band: day.interval ? [day.interval.lower, day.interval.upper] : null }));
  return (
    <ComposedChart data={data} responsive style={{ width: "100%", height: 240 }} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
      <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
      <XAxis dataKey="day" tickFormatter={formatDay} tick={TICK} tickLine={false} axisLine={{ stroke: "var(--border)" }} minTickGap={24} />
      <YAxis domain={[0, 1]} tickFormatter={(v: number) => formatPercent(v, 0)} tick={TICK} tickLine={false} axisLine={false} width={44} />
      <Area dataKey="band" stroke="none" fill="var(--chart-1)" fillOpacity={0.15} isAnimationActive={false} connectNulls />
      <Line dataKey="accuracy" stroke="var(--chart-1)" dot={false} strokeWidth={2} isAnimationActive={false} connectNulls />
      {trainingAccuracy !== null && <ReferenceLine y={trainingAccuracy} stroke="var(--warning)" strokeDasharray="4 4" label={{ value: "training", fill: "var(--text-subtle)", fontSize: 11, position: "insideTopRight" }} />}
      <Tooltip content={DayTooltip} isAnimationActive={false} />
    </ComposedChart>
  );
}
