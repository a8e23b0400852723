/**
 * Number formatting for people. One fixed locale, so the server's HTML and the browser's hydration agree and
 * tests can assert exact text; the exact value goes in a title attribute beside each rounded one.
 */
const LOCALE = "en-US";

const countFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });

/** A count with thousands separators: 1234 → "1,234". */
export function formatCount(value: number): string {
  return countFormat.format(value);
}

const compactFormat = new Intl.NumberFormat(LOCALE, { notation: "compact", maximumFractionDigits: 1 });

/** A short count for tight spaces such as chart axes: 10500 → "10.5K". */
export function formatCompact(value: number): string {
  return compactFormat.format(value);
}

/** "1,234 training runs" / "1 training run". */
export function formatCountOf(value: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(value)} ${value === 1 ? singular : plural}`;
}

/**
 * A ratio as a percentage with `digits` decimals: 0.8531 → "85.3%". Exact 0 and 1 print without decimals, and a
 * value that rounding would make look like 0% or 100% while it is not prints as "<0.1%" or ">99.9%".
 */
export function formatPercent(ratio: number, digits = 1): string {
  if (ratio === 0) return "0%";
  if (ratio === 1) return "100%";
  const percent = ratio * 100;
  const step = 10 ** -digits;
  if (percent > 0 && percent < step) return `<${step.toFixed(digits)}%`;
  if (percent < 100 && percent > 100 - step) return `>${(100 - step).toFixed(digits)}%`;
  return `${new Intl.NumberFormat(LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(percent)}%`;
}

/** A relative change with its sign: 0.125 → "+12.5%", -0.032 → "−3.2%" (a true minus sign), 0 → "0%". */
export function formatChange(ratio: number, digits = 1): string {
  if (ratio === 0) return "0%";
  const text = formatPercent(Math.abs(ratio), digits);
  return ratio > 0 ? `+${text}` : `\u2212${text}`;
}

/** The unrounded value for a title attribute: 0.85312345 → "0.853123". */
export function formatExact(value: number, significantDigits = 6): string {
  return Number.isInteger(value) ? formatCount(value) : String(Number(value.toPrecision(significantDigits)));
}

/** "853 of 1,000 (0.853)", the exact fraction behind a rounded percentage. */
export function formatFraction(part: number, whole: number): string {
  const ratio = whole === 0 ? "" : ` (${formatExact(part / whole)})`;
  return `${formatCount(part)} of ${formatCount(whole)}${ratio}`;
}

const dayFormat = new Intl.DateTimeFormat(LOCALE, { month: "short", day: "numeric", timeZone: "UTC" });
const longDayFormat = new Intl.DateTimeFormat(LOCALE, {
  weekday: "short",
  month: "short",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});

/** 'YYYY-MM-DD' (a UTC day) → "Nov 3". */
export function formatDay(isoDate: string): string {
  return dayFormat.format(new Date(`${isoDate}T00:00:00.000Z`));
}

/** 'YYYY-MM-DD' (a UTC day) → "Tue, Nov 3, 2026". */
export function formatLongDay(isoDate: string): string {
  return longDayFormat.format(new Date(`${isoDate}T00:00:00.000Z`));
}

/** An ISO timestamp → "2026-11-03 14:02 UTC", unambiguous for a title attribute. */
export function formatUtcMinute(timestamp: string): string {
  return `${timestamp.slice(0, 10)} ${timestamp.slice(11, 16)} UTC`;
}
