import { performance } from "node:perf_hooks";

export type Timing = { median: number; p95: number };

export function quantile(sorted: number[], q: number): number {
  const index = (sorted.length - 1) * q;
  const low = Math.floor(index);
  const high = Math.ceil(index);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (index - low);
}

/** Median and p95 wall time of `work` over `iterations` runs after `warmup` untimed ones. */
export async function measure(work: () => unknown, iterations = 25, warmup = 3): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

export const formatMs = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`.padStart(10);
export const formatMb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;
