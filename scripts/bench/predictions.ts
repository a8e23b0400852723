/**
 * The live-metrics part of `npm run bench`: a temporary database with one classifier version holding
 * BENCH_PREDICTIONS predictions (default 1,000,000) and an older version that shadowed 5% of its queries. Times
 * the functions the predictions pages call, through the app's Prisma client, against the raw SQL floor: one
 * aggregate (COUNT, labelled, correct) over the version's predictions by its index. It measures; it asserts nothing.
 */
import { performance } from "node:perf_hooks";
import { parseExplorerView } from "@/lib/predictions/explorer-params";
import { predictionsPage } from "@/lib/predictions/explorer-query";
import { pairedComparison } from "@/lib/predictions/paired-comparison";
import { runPerformance } from "@/lib/predictions/run-performance";
import { createTempDatabase } from "@/lib/test-support/temp-db";
import { insertBenchPredictionRuns } from "./predictions-data";

const ITERATIONS = 9;
const WARMUP = 2;

async function measure(work: () => unknown): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < WARMUP; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.round((times.length - 1) * q))]!;
  return { median: at(0.5), p95: at(0.95) };
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`.padStart(10);

export async function benchPredictions(): Promise<void> {
  const predictions = Number(process.env.BENCH_PREDICTIONS ?? 1_000_000);
  const temp = createTempDatabase();
  try {
    let start = performance.now();
    const { runId, olderRunId } = insertBenchPredictionRuns(temp.sqlite, { predictions });
    temp.sqlite.exec("ANALYZE");
    const total = (temp.sqlite.prepare("SELECT COUNT(*) AS n FROM model_predictions").get() as { n: number }).n;
    console.log(`\nRALL live-metrics benchmark: one version with ${predictions.toLocaleString("en-US")} predictions (${total.toLocaleString("en-US")} in all), inserted in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    console.log(`${ITERATIONS} timed iterations after ${WARMUP} warm-up\n`);

    const client = temp.prisma();
    const floorSql = "SELECT COUNT(*) AS n, COUNT(is_correct) AS labelled, TOTAL(is_correct) AS correct FROM model_predictions WHERE model_run_id = ?";
    const direct = temp.sqlite.prepare(floorSql);
    const floorDirect = await measure(() => direct.get(runId));
    const floor = await measure(() => client.$queryRawUnsafe(floorSql, runId));
    console.log("Raw SQL floor: COUNT, labelled and correct of the version's predictions (one index range)");
    console.log(`  better-sqlite3 directly    median ${ms(floorDirect.median)}   p95 ${ms(floorDirect.p95)}`);
    console.log(`  through Prisma ($queryRaw) median ${ms(floor.median)}   p95 ${ms(floor.p95)}   ← the floor for the ratios\n`);

    const view = parseExplorerView({}).view;
    const cases: { name: string; work: () => Promise<unknown> }[] = [
      { name: "runPerformance: the performance page's data (all live metrics)", work: () => runPerformance(runId, client) },
      { name: "predictionsPage: explorer, the version, page 1 (count + 50 rows)", work: () => predictionsPage({ ...view, run: runId }, client) },
      { name: "predictionsPage: the version, wrong, confidence ≥ 0.8, page 20", work: () => predictionsPage({ ...view, run: runId, status: "wrong", minConfidence: 0.8, page: 20 }, client) },
      { name: `pairedComparison: vs the older version (${(predictions * 0.05).toLocaleString("en-US")} shared)`, work: () => pairedComparison({ a: olderRunId, b: runId, page: 1 }, client) },
    ];
    console.log(`  ${"function".padEnd(72)} ${"median".padStart(10)} ${"p95".padStart(10)}  ratio to floor`);
    const results: { name: string; median: number }[] = [];
    for (const { name, work } of cases) {
      const timing = await measure(work);
      results.push({ name, median: timing.median });
      console.log(`  ${name.padEnd(72)} ${ms(timing.median)} ${ms(timing.p95)}  ${(timing.median / floor.median).toFixed(1)}×`);
    }
    start = performance.now();
    const report = await runPerformance(runId, client);
    console.log(`\nLive metrics of a version with ${predictions.toLocaleString("en-US")} predictions: median ${results[0]!.median.toFixed(1)} ms, ${(results[0]!.median / floor.median).toFixed(1)}× the raw SQL floor (${floor.median.toFixed(1)} ms); accuracy ${report!.accuracy!.toFixed(4)} over ${report!.labelled.toLocaleString("en-US")} labelled.`);
  } finally {
    await temp.close();
  }
}
