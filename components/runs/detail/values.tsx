import { formatCount, formatExact, formatPercent, formatUtcMinute } from "@/lib/format";
import { formatDurationMs, formatLoss } from "@/lib/runs/run-display";
import styles from "./detail.module.css";

const DASH = "\u2014";

/** The run's values as people read them, each with its exact value on hover; "—" where nothing was recorded. */

export function Missing({ title = "Not recorded", testId }: { title?: string; testId?: string }) {
  return (
    <span className={`num ${styles.missing}`} title={title} data-testid={testId}>
      {DASH}
    </span>
  );
}

/** A UTC timestamp as "2026-11-11 12:28 UTC", the full ISO value on hover. */
export function UtcTime({ iso, testId }: { iso: string | null; testId?: string }) {
  if (iso === null) return <Missing testId={testId} />;
  return (
    <time dateTime={iso} title={iso} className="num" data-testid={testId}>
      {formatUtcMinute(iso)}
    </time>
  );
}

export function Percent({ value, testId, title }: { value: number | null; testId?: string; title?: string }) {
  if (value === null) return <Missing testId={testId} />;
  return (
    <span className="num" title={title ?? formatExact(value)} data-testid={testId}>
      {formatPercent(value)}
    </span>
  );
}

export function Count({ value, testId }: { value: number | null; testId?: string }) {
  if (value === null) return <Missing testId={testId} />;
  return (
    <span className="num" data-testid={testId}>
      {formatCount(value)}
    </span>
  );
}

export function Duration({ ms, testId }: { ms: number | null; testId?: string }) {
  if (ms === null) return <Missing testId={testId} />;
  return (
    <span className="num" title={`${formatCount(ms)} ms`} data-testid={testId}>
      {formatDurationMs(ms)}
    </span>
  );
}

export function Loss({ value, testId }: { value: number | null; testId?: string }) {
  if (value === null) return <Missing testId={testId} />;
  return (
    <span className="num" title={String(value)} data-testid={testId}>
      {formatLoss(value)}
    </span>
  );
}

/** "85.1% – 89.4%", the exact bounds on hover. */
export function IntervalText({ lower, upper, testId }: { lower: number; upper: number; testId?: string }) {
  return (
    <span className="num" title={`95% Wilson interval: ${formatExact(lower)} to ${formatExact(upper)}`} data-testid={testId}>
      {formatPercent(lower)} – {formatPercent(upper)}
    </span>
  );
}
