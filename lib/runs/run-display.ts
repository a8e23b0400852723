/**
 * Run values for people: durations in ms/s/min/h, losses to four decimals, a run's name. Fixed locale like
 * lib/format.ts, so server HTML and hydration agree; the exact value goes in a title beside each rounded one.
 */
import { formatCount } from "@/lib/format";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** 850 → "850 ms", 12_500 → "12.5 s", 252_000 → "4 min 12 s", 12_300_000 → "3 h 25 min", 2 days → "2 d 0 h". */
export function formatDurationMs(ms: number): string {
  if (ms < SECOND) return `${formatCount(Math.round(ms))} ms`;
  if (ms < MINUTE) return `${oneDecimal.format(ms / SECOND)} s`;
  const parts = (big: number, bigUnit: string, small: number, smallUnit: string) => {
    const whole = Math.floor(ms / big);
    const rest = Math.round((ms - whole * big) / small);
    // Rounding the remainder up to a whole unit carries over: 59.6 s past 4 min is 5 min 0 s.
    return rest * small >= big ? `${formatCount(whole + 1)} ${bigUnit} 0 ${smallUnit}` : `${formatCount(whole)} ${bigUnit} ${rest} ${smallUnit}`;
  };
  if (ms < HOUR) return parts(MINUTE, "min", SECOND, "s");
  if (ms < DAY) return parts(HOUR, "h", MINUTE, "min");
  return parts(DAY, "d", HOUR, "h");
}

const lossFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });

/** A loss to at most four decimals: 0.21504 → "0.215", 1.234567 → "1.2346". */
export function formatLoss(value: number): string {
  return lossFormat.format(value);
}

/** "classifier 1.2.0". */
export function runName(run: { modelType: string; modelVersion: string }): string {
  return `${run.modelType} ${run.modelVersion}`;
}
