"use client";

import { Bar, BarChart, CartesianGrid, ComposedChart, Line, Scatter, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { formatCompact, formatCount, formatPercent } from "@/lib/format";
import type { ReliabilityBin } from "@/lib/predictions/run-performance";
import styles from "../predictions.module.css";

const TICK = { fill: "var(--text-subtle)", fontSize: 12 };
const binName = (bin: number) => `${bin * 10}–${bin * 10 + 10}%`;

type Point = { centre: number; accuracy: number | null; meanConfidence: number | null; labelled: number; predictions: number; bin: number };

function points(bins: ReliabilityBin[]): Point[] {
  return bins.map((bin) => ({ ...bin, centre: (bin.bin + 0.5) / 10 }));
}

function ReliabilityTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as Point | undefined;
  if (!active || !point) return null;
  return (
    <div className={styles.tooltip}>
      <div>Confidence {binName(point.bin)}</div>
      <div className="num">
        {point.accuracy === null ? "no labelled predictions" : `accuracy ${formatPercent(point.accuracy)} · mean confidence ${formatPercent(point.meanConfidence!)}`}
      </div>
      <div className="num">{formatCount(point.labelled)} labelled</div>
    </div>
  );
}

/** Accuracy against mean confidence per bin; the diagonal is perfect calibration, points below it over-confidence. */
export function ReliabilityDiagram({ bins }: { bins: ReliabilityBin[] }) {
  const data = points(bins).filter((point) => point.accuracy !== null);
  return (
    <ComposedChart data={data} responsive style={{ width: "100%", height: 260 }} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
      <CartesianGrid stroke="var(--chart-grid)" />
      <XAxis type="number" dataKey="meanConfidence" domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} tickFormatter={(v: number) => formatPercent(v, 0)} tick={TICK} tickLine={false} axisLine={{ stroke: "var(--border)" }} />
      <YAxis type="number" domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} tickFormatter={(v: number) => formatPercent(v, 0)} tick={TICK} tickLine={false} axisLine={false} width={44} />
      <Line data={[{ meanConfidence: 0, accuracy: 0 }, { meanConfidence: 1, accuracy: 1 }]} dataKey="accuracy" stroke="var(--border-strong)" strokeDasharray="4 4" dot={false} isAnimationActive={false} legendType="none" />
      <Scatter dataKey="accuracy" fill="var(--chart-1)" line={{ stroke: "var(--chart-1)" }} isAnimationActive={false} name="Accuracy" />
      <Tooltip content={ReliabilityTooltip} isAnimationActive={false} />
    </ComposedChart>
  );
}

function HistogramTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as Point | undefined;
  if (!active || !point) return null;
  return (
    <div className={styles.tooltip}>
      <div>Confidence {binName(point.bin)}</div>
      <div className="num">{formatCount(point.predictions)} predictions</div>
    </div>
  );
}

/** How many predictions fall in each confidence bin, labelled or not. */
export function ConfidenceHistogram({ bins }: { bins: ReliabilityBin[] }) {
  return (
    <BarChart data={points(bins)} responsive style={{ width: "100%", height: 220 }} margin={{ top: 8, right: 4, bottom: 0, left: 0 }}>
      <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
      <XAxis dataKey="bin" tickFormatter={(bin: number) => `${bin * 10}%`} tick={TICK} tickLine={false} axisLine={{ stroke: "var(--border)" }} />
      <YAxis allowDecimals={false} tickFormatter={formatCompact} tick={TICK} tickLine={false} axisLine={false} width={44} />
      <Tooltip cursor={{ fill: "var(--surface-hover)" }} content={HistogramTooltip} isAnimationActive={false} />
      <Bar dataKey="predictions" name="Predictions" fill="var(--chart-1)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
    </BarChart>
  );
}
