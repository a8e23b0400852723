import type { AbTestDay } from "./ab-test-detail";

/** A percent axis around the values in steps of `step`, padded by one step and clipped to [0, 1]. */
export function rateDomain(values: number[], step = 0.05): [number, number] {
  if (values.length === 0) return [0, 1];
  const low = Math.max(0, Math.floor(Math.min(...values) / step) * step - step);
  const high = Math.min(1, Math.ceil(Math.max(...values) / step) * step + step);
  return [Number(low.toFixed(4)), Number(high.toFixed(4))];
}

/** A symmetric axis around 0 that holds every value, rounded out to a half power of ten. */
export function differenceDomain(values: number[]): [number, number] {
  const extent = Math.max(1e-4, ...values.map(Math.abs));
  const step = 10 ** Math.floor(Math.log10(extent)) / 2;
  const bound = Number((Math.ceil((extent * 1.05) / step) * step).toFixed(6));
  return [-bound, bound];
}

/** Evenly spaced axis ticks: every 5 points on a rate axis (10 on a wide one), quarters of a difference axis. */
export function axisTicks([low, high]: [number, number], kind: "rate" | "difference"): number[] {
  if (kind === "difference") return [low, low / 2, 0, high / 2, high].map((tick) => Number(tick.toFixed(6)));
  const step = high - low > 0.4 ? 0.1 : 0.05;
  return Array.from({ length: Math.round((high - low) / step) + 1 }, (_, i) => Number((low + i * step).toFixed(4)));
}

export type CumulativeDay = { day: string; a: number | null; b: number | null; samplesA: number; samplesB: number };

/** Each variant's success rate over all its samples up to and including each day. */
export function cumulativeRates(days: AbTestDay[]): CumulativeDay[] {
  const total = { a: { samples: 0, successes: 0 }, b: { samples: 0, successes: 0 } };
  return days.map((day) => {
    for (const side of ["a", "b"] as const) {
      total[side].samples += day[side].samples;
      total[side].successes += day[side].successes;
    }
    return {
      day: day.day,
      a: total.a.samples > 0 ? total.a.successes / total.a.samples : null,
      b: total.b.samples > 0 ? total.b.successes / total.b.samples : null,
      samplesA: total.a.samples,
      samplesB: total.b.samples,
    };
  });
}
