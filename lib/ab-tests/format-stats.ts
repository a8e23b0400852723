/** "p = 0.042", "p < 0.001", the way the dashboard writes p-values; the exact value goes in a title. */
export function formatPValue(p: number): string {
  if (p < 0.001) return "p < 0.001";
  return `p = ${p.toFixed(3)}`;
}

/** A difference of rates in percentage points with its sign: 0.0123 → "+1.23 pp", −0.004 → "−0.40 pp". */
export function formatPoints(difference: number, digits = 2): string {
  const points = (difference * 100).toFixed(digits);
  if (Number(points) === 0) return `0.${"0".repeat(digits)} pp`;
  return difference > 0 ? `+${points} pp` : `\u2212${points.replace("-", "")} pp`;
}

/** Axis and tooltip formats of the charts: rates as percentages, differences as signed percentage points. */
export const CHART_FORMATS = {
  percent: (value: number) => `${(value * 100).toFixed(1)}%`,
  points: (value: number) => `${value > 0 ? "+" : value < 0 ? "\u2212" : ""}${Math.abs(value * 100).toFixed(1)} pp`,
} as const;

/** Shorter forms for axis ticks, which sit every 5 points or at quarters: "75%", "+7.5 pp". */
export const AXIS_FORMATS = {
  percent: (value: number) => `${Number((value * 100).toFixed(1))}%`,
  points: (value: number) => `${value > 0 ? "+" : value < 0 ? "\u2212" : ""}${Number(Math.abs(value * 100).toFixed(2))} pp`,
} as const;
