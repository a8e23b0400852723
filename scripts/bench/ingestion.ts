/**
 * Ingestion throughput of POST /api/v1/predictions: batches of 1,000 and 10,000 predictions through the real
 * route handler function (JSON parse, zod validation of every item, bulk reference checks, PII scrubbing,
 * insert, idempotency record, one transaction), and its parts alone, against the target of 20,000
 * predictions/s. Not through HTTP: set RALL_BENCH_URL (and RALL_API_KEY) to a running `next start` whose
 * database has the run and queries named by RALL_BENCH_RUN_ID and RALL_BENCH_QUERY_IDS (comma-separated) to
 * add that line. Prints medians and ratios; asserts nothing.
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import { NextRequest } from "next/server";
import { parseBatch } from "@/lib/api/batch";
import { insertQuery, insertRun } from "@/lib/test-support/rows";
import { benchDatabase } from "./bench-database";
import { measure } from "./measure";

const TARGET_PER_SECOND = 20_000;
const FLOOR_INSERT = `INSERT INTO model_predictions (id, query_id, model_run_id, predicted_at, prediction, confidence, prediction_type)
  VALUES (?, ?, ?, ?, ?, ?, ?)`;
const SIZES = [1_000, 10_000] as const;

function batchBody(size: number, runId: string, queryIds: readonly string[]): string {
  const items = Array.from({ length: size }, (_, i) => ({
    queryId: queryIds[i % queryIds.length],
    runId,
    predictedAt: "2026-11-20T12:00:00.000Z",
    predictionType: "classification",
    prediction: i % 3 === 0 ? "reason" : "search",
    confidence: Math.round((0.5 + (i % 50) / 100) * 1000) / 1000,
    ...(i % 2 === 0 ? { actualValue: "reason" } : {}),
  }));
  return JSON.stringify({ items });
}

const rate = (items: number, ms: number) => items / (ms / 1000);
const line = (label: string, items: number, ms: number) =>
  `  ${label.padEnd(58)} ${`${ms.toFixed(1)} ms`.padStart(10)} ${`${Math.round(rate(items, ms)).toLocaleString("en-US")}/s`.padStart(12)}  ${(rate(items, ms) / TARGET_PER_SECOND).toFixed(2)}× target`;

async function overHttp(size: number): Promise<string | null> {
  const url = process.env.RALL_BENCH_URL;
  const runId = process.env.RALL_BENCH_RUN_ID;
  const queryIds = process.env.RALL_BENCH_QUERY_IDS?.split(",").filter(Boolean);
  if (!url || !runId || !queryIds?.length) return null;
  const body = batchBody(size, runId, queryIds);
  const timing = await measure(async () => {
    const response = await fetch(`${url.replace(/\/$/, "")}/api/v1/predictions`, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/json", "Idempotency-Key": randomUUID(), Authorization: `Bearer ${process.env.RALL_API_KEY ?? ""}` },
    });
    if (response.status !== 201) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  }, 5, 1);
  return line(`HTTP to ${url}, ${size.toLocaleString("en-US")} a batch`, size, timing.median);
}

export async function benchIngestion(): Promise<void> {
  // The route reads lib/db, which bench-database.ts pointed at this throw-away database before it loaded.
  const temp = benchDatabase;
  {
    const { POST } = await import("@/app/api/v1/predictions/route");
    const { logPredictionSchema } = await import("@/lib/predictions/log-predictions-schema");
    const { logPredictions } = await import("@/lib/predictions/log-predictions");
    const { createApiKey } = await import("@/lib/auth/api-keys");
    const { key } = await createApiKey(temp.prisma(), { name: "bench", scope: "write", createdBy: null });
    const runId = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.0.0" });
    const queryIds = Array.from({ length: 2_000 }, () => insertQuery(temp.sqlite, { timestamp: "2026-11-20T11:00:00.000Z" }));

    console.log(`\nIngestion: POST /api/v1/predictions (half the items labelled), median of the timed batches; target ${TARGET_PER_SECOND.toLocaleString("en-US")} predictions/s`);
    console.log(`  ${"".padEnd(58)} ${"batch".padStart(10)} ${"rate".padStart(12)}`);
    const summary: string[] = [];
    for (const size of SIZES) {
      const body = batchBody(size, runId, queryIds);
      const iterations = size === 1_000 ? 15 : 7;
      const handler = await measure(async () => {
        const request = new NextRequest("http://localhost/api/v1/predictions", {
          method: "POST",
          body,
          headers: { "Content-Type": "application/json", "Idempotency-Key": randomUUID(), Authorization: `Bearer ${key}` },
        });
        const response = await POST(request, { params: Promise.resolve({}) });
        if (response.status !== 201) throw new Error(`bench batch refused: ${await response.text()}`);
      }, iterations, 2);
      const parsed = JSON.parse(body) as unknown;
      const validate = await measure(() => parseBatch(parsed, logPredictionSchema), iterations, 1);
      const items = parseBatch(parsed, logPredictionSchema);
      if (!items.ok) throw new Error(items.message);
      const write = await measure(() => temp.sqlite.transaction(() => logPredictions(temp.sqlite, items.items)).immediate(), iterations, 1);
      // The floor: the same rows through one prepared INSERT in one transaction, with no checks or scrubbing.
      const insert = temp.sqlite.prepare(FLOOR_INSERT);
      const floor = await measure(
        () => temp.sqlite.transaction(() => items.items.forEach((item) => insert.run(randomUUID(), item.queryId, item.runId, item.predictedAt, JSON.stringify(item.prediction), item.confidence ?? null, item.predictionType))).immediate(),
        iterations,
        1,
      );
      const label = `${size.toLocaleString("en-US")} a batch`;
      console.log(line(`route handler, ${label} (end to end)`, size, handler.median));
      console.log(line(`  of which zod validation of every item`, size, validate.median));
      console.log(line(`  of which reference checks + scrub + insert`, size, write.median));
      console.log(line(`  floor: bare prepared INSERTs in one transaction`, size, floor.median));
      const http = await overHttp(size);
      if (http) console.log(http);
      summary.push(`${label}: ${Math.round(rate(size, handler.median)).toLocaleString("en-US")} predictions/s (${(rate(size, handler.median) / TARGET_PER_SECOND).toFixed(2)}× the target)`);
    }
    const rows = temp.sqlite.prepare("SELECT COUNT(*) FROM model_predictions").pluck().get() as number;
    console.log(`  (table grew to ${rows.toLocaleString("en-US")} predictions during the run)`);
    console.log(`Ingestion throughput through the route handler: ${summary.join("; ")}.`);
    console.log(`(Machine load average while measuring: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores; the floor line shows what SQLite itself allows.)`);
  }
}
