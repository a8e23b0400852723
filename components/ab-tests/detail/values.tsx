import { formatPoints, formatPValue } from "@/lib/ab-tests/format-stats";
import { formatChange, formatExact, formatPercent } from "@/lib/format";
import type { Ci } from "@/lib/stats/ab-analysis";
import styles from "../ab-tests.module.css";

export const Dash = () => (
  <span className={styles.muted} aria-label="not available">
    —
  </span>
);

/** A rate as a percentage, exact on hover. */
export function Rate({ value }: { value: number | null }) {
  if (value === null) return <Dash />;
  return <span title={formatExact(value)}>{formatPercent(value, 1)}</span>;
}

export function PValue({ value }: { value: number | null }) {
  if (value === null) return <Dash />;
  return <span title={value.toPrecision(6)}>{formatPValue(value)}</span>;
}

/** "[−1.20 pp, +3.40 pp]" for a difference, "[−5.1%, +12.0%]" for a lift, "[71.2%, 78.9%]" for a rate. */
export function Interval({ ci, kind }: { ci: Ci | null; kind: "points" | "change" | "rate" }) {
  if (!ci) return <Dash />;
  const format = kind === "points" ? formatPoints : kind === "change" ? formatChange : (v: number) => formatPercent(v, 1);
  return (
    <span title={`${formatExact(ci[0])} to ${formatExact(ci[1])}`}>
      [{format(ci[0])}, {format(ci[1])}]
    </span>
  );
}

export function Points({ value }: { value: number | null }) {
  if (value === null) return <Dash />;
  return <span title={formatExact(value)}>{formatPoints(value)}</span>;
}

export function Change({ value }: { value: number | null }) {
  if (value === null) return <Dash />;
  return <span title={formatExact(value)}>{formatChange(value)}</span>;
}
