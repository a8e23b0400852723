"use client";

import { CartesianGrid, Scatter, ScatterChart, XAxis, YAxis } from "recharts";
import { clusterColor } from "./cluster-colors";
import styles from "./features.module.css";

type Point = { x: number; y: number; cluster: number };

/** Sampled embeddings on their first two principal components, one colour per cluster. */
export function ProjectionChart({ points, clusterCount }: { points: Point[]; clusterCount: number }) {
  const series = Array.from({ length: clusterCount }, (_, c) => points.filter((p) => p.cluster === c));
  return (
    <>
      <ul className={styles.legend} aria-hidden="true" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {series.map((s, c) => (
          <li key={c}>
            <span className={styles.swatch} style={{ background: clusterColor(c) }} />
            Cluster {c + 1} ({s.length})
          </li>
        ))}
      </ul>
      <div role="img" aria-label={`${points.length} sampled query embeddings projected on two principal components, coloured by cluster`} data-testid="projection-chart">
        <ScatterChart responsive style={{ width: "100%", height: 380 }} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="var(--chart-grid)" />
          <XAxis type="number" dataKey="x" name="PC 1" tick={{ fill: "var(--text-subtle)", fontSize: 11.5 }} tickFormatter={(v: number) => v.toFixed(1)} axisLine={{ stroke: "var(--border)" }} />
          <YAxis type="number" dataKey="y" name="PC 2" tick={{ fill: "var(--text-subtle)", fontSize: 11.5 }} tickFormatter={(v: number) => v.toFixed(1)} axisLine={false} width={44} />
          {series.map((data, c) => (
            <Scatter key={c} data={data} fill={clusterColor(c)} fillOpacity={0.7} isAnimationActive={false} shape="circle" />
          ))}
        </ScatterChart>
      </div>
    </>
  );
}
