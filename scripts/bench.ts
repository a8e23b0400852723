/**
 * npm run bench: how fast the runs page's data arrives at 100K training runs.
 *
 * Builds a temporary migrated database, inserts realistic runs (scripts/bench-runs-data.ts), then times the
 * functions the page itself calls (runsPage, runGroupsPage, the CSV export, hyperparameterKeys) through the
 * same Prisma client and driver the app uses, for representative views, against the raw SQL floor: the
 * simplest SELECT of one page by the started_at index, through Prisma and through better-sqlite3 directly.
 * Prints median and p95 per view and the ratio of each median to the floor. It measures; it asserts nothing.
 *
 * Options: --runs N (default 100000), --iterations N (default 25), --keep (keep the database file),
 * --only runs|ab|predictions|features|ingestion (one part only).
 * Run with the react-server condition (see package.json) so the `server-only` marker resolves as on the server.
 */
// First: points lib/db at a throw-away database before any module opens it.
import { benchDatabase } from "./bench/bench-database";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { PrismaClient } from "@/lib/db/client";
import { hyperparameterKeys } from "@/lib/runs/hyperparameter-keys";
import type { GroupBy } from "@/lib/runs/run-fields";
import { runGroupsPage } from "@/lib/runs/run-groups";
import { parseRunsView, type RunsView } from "@/lib/runs/run-search-params";
import { runsForExport } from "@/lib/runs/runs-export";
import { runsPage } from "@/lib/runs/runs-query";
import { createTempDatabase } from "@/lib/test-support/temp-db";
import { insertBenchRuns } from "./bench-runs-data";
import { benchAbStatistics } from "./bench/ab-statistics";
import { formatMs as format, measure as measureTiming, type Timing } from "./bench/measure";

const { values: options } = parseArgs({
  options: {
    runs: { type: "string", default: "100000" },
    iterations: { type: "string", default: "25" },
    keep: { type: "boolean", default: false },
    only: { type: "string" },
  },
});
const PARTS = ["runs", "ab", "predictions", "features", "ingestion"];
if (options.only !== undefined && !PARTS.includes(options.only)) throw new Error(`--only takes one of ${PARTS.join(", ")}`);
const part = (name: string) => options.only === undefined || options.only === name;
const RUNS = Number(options.runs);
const ITERATIONS = Number(options.iterations);
const WARMUP = 3;

const measure = (work: () => unknown, iterations = ITERATIONS) => measureTiming(work, iterations, WARMUP);

function view(query: string): RunsView {
  const { view: parsed, issues } = parseRunsView(new URLSearchParams(query));
  if (issues.length > 0) throw new Error(`bench view "${query}": ${issues.join("; ")}`);
  return parsed;
}

const PAGE_VIEWS: { name: string; query: string }[] = [
  { name: "default view (newest first, page 1)", query: "" },
  { name: "AND filter (classifier, accuracy ≥ 0.8)", query: "f=0:type:eq:classifier&f=0:accuracy:gte:0.8" },
  { name: "OR filter ((classifier ∧ F1 ≥ 0.9) ∨ (routing ∧ val loss < 0.2))", query: "f=0:type:eq:classifier&f=0:f1:gte:0.9&f=1:type:eq:routing&f=1:validation_loss:lt:0.2" },
  { name: "hyperparameter filter (optimizer = adam ∧ batch ≥ 128)", query: "f=0:hp.optimizer:eq:adam&f=0:hp.batch_size:gte:128" },
  { name: "hyperparameter sort (learning_rate asc) + 2 hp columns", query: "sort=hp.learning_rate&dir=asc&hp=learning_rate&hp=optimizer" },
  { name: "metric sort (accuracy desc)", query: "sort=accuracy&dir=desc" },
  { name: "version sort (semver desc)", query: "sort=version&dir=desc" },
  { name: "semver range (>=10.0.0 <20.0.0), date range", query: "f=0:version:range:>=10.0.0 <20.0.0&f=0:started:gte:2024-01-01&f=0:started:lt:2025-01-01" },
  { name: "free-text search (hotfix)", query: "q=hotfix" },
  { name: "live accuracy sort (aggregates all predictions)", query: "sort=live_accuracy&dir=desc" },
  { name: "deep page (page 2,000 of 4,000)", query: "page=2000" },
];

async function main(): Promise<void> {
  const temp = createTempDatabase();
  try {
    let start = performance.now();
    insertBenchRuns(temp.sqlite, { runs: RUNS });
    const insertMs = performance.now() - start;
    const counts = temp.sqlite.prepare("SELECT (SELECT COUNT(*) FROM model_training_runs) AS runs, (SELECT COUNT(*) FROM model_predictions) AS predictions").get() as { runs: number; predictions: number };
    console.log(`RALL runs-page benchmark: ${counts.runs.toLocaleString("en-US")} runs, ${counts.predictions.toLocaleString("en-US")} predictions, inserted in ${(insertMs / 1000).toFixed(1)} s`);
    console.log(`${ITERATIONS} timed iterations after ${WARMUP} warm-up, on ${temp.file}\n`);

    const client: PrismaClient = temp.prisma();
    const floorSql = "SELECT * FROM model_training_runs ORDER BY started_at DESC LIMIT 25";
    const direct = temp.sqlite.prepare(floorSql);
    const floorDirect = await measure(() => direct.all());
    const floor = await measure(() => client.$queryRawUnsafe(floorSql));
    console.log("Raw SQL floor: one page of 25 by the started_at index");
    console.log(`  better-sqlite3 directly   median ${format(floorDirect.median)}   p95 ${format(floorDirect.p95)}`);
    console.log(`  through Prisma ($queryRaw) median ${format(floor.median)}   p95 ${format(floor.p95)}   ← the floor for the ratios\n`);

    console.log("runsPage (count + page of 25 + live accuracy of the page), the function app/runs/page.tsx calls:");
    console.log(`  ${"view".padEnd(64)} ${"median".padStart(10)} ${"p95".padStart(10)}  ratio to floor`);
    const results: { name: string; timing: Timing }[] = [];
    for (const { name, query } of PAGE_VIEWS) {
      const v = view(query);
      const page = await runsPage(v, client);
      const timing = await measure(() => runsPage(v, client));
      results.push({ name, timing });
      const rows = `${page.rowCount.toLocaleString("en-US")} rows`;
      console.log(`  ${`${name} [${rows}]`.padEnd(64)} ${format(timing.median)} ${format(timing.p95)}  ${(timing.median / floor.median).toFixed(1)}×`);
    }

    console.log("\nGrouped view (runGroupsPage: n, mean ± sd of 7 metrics per group, two-pass variance):");
    for (const group of ["type", "minor"] as GroupBy[]) {
      const v = { ...view(""), group };
      const timing = await measure(() => runGroupsPage(v, client), 7);
      console.log(`  ${`group by ${group}`.padEnd(64)} ${format(timing.median)} ${format(timing.p95)}  ${(timing.median / floor.median).toFixed(1)}×`);
    }

    console.log("\nColumn picker (hyperparameterKeys):");
    start = performance.now();
    const keys = await hyperparameterKeys(client);
    console.log(`  ${"first read (json_each over every run)".padEnd(64)} ${format(performance.now() - start)}   ${keys.length} keys`);
    const cached = await measure(() => hyperparameterKeys(client));
    console.log(`  ${"cached (fingerprint check only)".padEnd(64)} ${format(cached.median)} ${format(cached.p95)}`);

    console.log("\nCSV export of every run (keyset chunks of 2,000, rows built, CSV text not written):");
    start = performance.now();
    let exported = 0;
    for await (const chunk of runsForExport(view(""), client)) exported += chunk.length;
    const exportMs = performance.now() - start;
    console.log(`  ${`${exported.toLocaleString("en-US")} runs`.padEnd(64)} ${format(exportMs)}   ${Math.round(exported / (exportMs / 1000)).toLocaleString("en-US")} runs/s`);

    const page = results[0]!.timing;
    console.log(`\nRuns page at ${counts.runs.toLocaleString("en-US")} runs: median ${page.median.toFixed(2)} ms, p95 ${page.p95.toFixed(2)} ms, ${(page.median / floor.median).toFixed(1)}× the raw SQL floor (${floor.median.toFixed(2)} ms).`);
    const slowest = results.reduce((a, b) => (b.timing.median > a.timing.median ? b : a));
    console.log(`Slowest view measured: ${slowest.name}, median ${slowest.timing.median.toFixed(1)} ms.`);
  } finally {
    if (options.keep) {
      await temp.prisma().$disconnect();
      temp.sqlite.close();
      console.log(`Database kept at ${temp.file}`);
    } else await temp.close();
  }
}

if (part("runs")) await main();
if (part("ab")) benchAbStatistics();
if (part("predictions")) await (await import("./bench/predictions")).benchPredictions();
if (part("features")) await (await import("./bench/features")).benchFeatures();
if (part("ingestion")) await (await import("./bench/ingestion")).benchIngestion();
await benchDatabase.close();
