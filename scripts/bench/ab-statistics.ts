/**
 * The A/B analysis' cost by sample size: analyzeAbTest in both modes against its exact P(B > A) alone, whose
 * finite sum grows with the successes, and against the closed-form rest (Wilson, z-test, lift, SRM). Prints
 * medians and ratios; asserts nothing.
 */
import { performance } from "node:perf_hooks";
import { analyzeAbTest } from "@/lib/stats/ab-analysis";
import { probabilityBBeatsA } from "@/lib/stats/probability-b-beats-a";

const SIZES = [
  { a: { samples: 1_000, successes: 800 }, b: { samples: 1_000, successes: 850 } },
  { a: { samples: 10_000, successes: 2_962 }, b: { samples: 12_150, successes: 3_184 } },
  { a: { samples: 250_000, successes: 127_583 }, b: { samples: 208_418, successes: 107_466 } },
];

function median(work: () => unknown, iterations = 41): number {
  for (let i = 0; i < 5; i++) work();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times.sort((x, y) => x - y)[Math.floor(iterations / 2)]!;
}

export function benchAbStatistics(): void {
  console.log("\nA/B analysis (analyzeAbTest), median of 41 calls:");
  console.log(`  ${"samples (A + B)".padEnd(24)} ${"fixed".padStart(10)} ${"sequential".padStart(11)} ${"P(B > A)".padStart(10)}  P(B > A) share`);
  for (const counts of SIZES) {
    const fixed = median(() => analyzeAbTest({ ...counts, trafficSplit: 0.5 }));
    const sequential = median(() => analyzeAbTest({ ...counts, trafficSplit: 0.5, sequential: true }));
    const bayes = median(() => probabilityBBeatsA(counts.a, counts.b));
    const label = `${(counts.a.samples + counts.b.samples).toLocaleString("en-US")}`;
    console.log(`  ${label.padEnd(24)} ${`${fixed.toFixed(3)} ms`.padStart(10)} ${`${sequential.toFixed(3)} ms`.padStart(11)} ${`${bayes.toFixed(3)} ms`.padStart(10)}  ${((bayes / fixed) * 100).toFixed(0)}%`);
  }
}
