import { formatCount, formatExact, formatPercent } from "@/lib/format";
import type { RunFieldKind } from "./run-fields";

/**
 * Display formats of the runs table, after lib/format.ts: one fixed locale so server HTML and hydration agree,
 * a rounded value for people and the exact one for a title attribute.
 */
const oneDecimal = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const threeDecimals = new Intl.NumberFormat("en-US", { minimumFractionDigits: 3, maximumFractionDigits: 3 });

/** 850 → "850 ms", 12_300 → "12.3 s", 270_000 → "4.5 min", 8_280_000 → "2.3 h", 216_000_000 → "2.5 d". */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 1_000) return `${Math.round(ms)} ms`;
  if (abs < 60_000) return `${oneDecimal.format(ms / 1_000)} s`;
  if (abs < 3_600_000) return `${oneDecimal.format(ms / 60_000)} min`;
  if (abs < 86_400_000) return `${oneDecimal.format(ms / 3_600_000)} h`;
  return `${oneDecimal.format(ms / 86_400_000)} d`;
}

/** A loss to three decimals: 0.24567 → "0.246". */
export function formatLoss(value: number): string {
  return threeDecimals.format(value);
}

/** An ISO timestamp as "2026-01-31 14:02", UTC, compact enough for a table cell. */
export function formatTimestamp(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** A value of a column of the given kind; null for a missing one (the cell shows a dash). */
export function formatRunValue(kind: RunFieldKind, value: number | string | null): string | null {
  if (value === null) return null;
  if (typeof value === "string") return kind === "date" ? formatTimestamp(value) : value;
  switch (kind) {
    case "ratio":
      return formatPercent(value);
    case "loss":
      return formatLoss(value);
    case "duration":
      return formatDuration(value);
    case "count":
      return formatCount(value);
    default:
      return String(value);
  }
}

/** The exact value for a title attribute. */
export function exactRunValue(kind: RunFieldKind, value: number | string | null): string | undefined {
  if (value === null) return undefined;
  if (typeof value === "string") return kind === "date" ? value : undefined;
  return kind === "duration" ? `${formatCount(value)} ms` : formatExact(value);
}

/** A hyperparameter value as stored: numbers in full, text as is, objects as JSON. */
export function formatHyperparameter(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  return JSON.stringify(value);
}

/**
 * Mean ± sample sd of a group: "90.0 ± 1.2%" for ratios (percentage points), "0.245 ± 0.012" for losses,
 * "4.5 min ± 30.0 s" for durations; the mean alone when there is no sd (n < 2).
 */
export function formatMeanSd(kind: RunFieldKind, mean: number | null, sd: number | null): string | null {
  if (mean === null) return null;
  if (kind === "ratio") {
    const m = oneDecimal.format(mean * 100);
    return sd === null ? `${m}%` : `${m} ± ${oneDecimal.format(sd * 100)}%`;
  }
  if (kind === "duration") return sd === null ? formatDuration(mean) : `${formatDuration(mean)} ± ${formatDuration(sd)}`;
  return sd === null ? formatLoss(mean) : `${formatLoss(mean)} ± ${formatLoss(sd)}`;
}
