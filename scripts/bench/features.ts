/**
 * npm run bench, features: similar-query search at the large size (200K × 384), the training-data export of
 * 10K rows in each format, and a 1M-row export streamed with its peak memory. The data is written straight into
 * temporary databases (scripts/bench/features-data.ts), not by the `--size large` seed, which takes far longer.
 * The 1M-row stream is JSONL only, with 16-dimensional embeddings, to keep the run within a few minutes.
 * It measures; it asserts nothing.
 */
import { performance } from "node:perf_hooks";
import { nearestNeighbours } from "@/lib/features/embedding-index";
import { EmbeddingIndexCache } from "@/lib/features/embedding-index-cache";
import type { ExportFormat } from "@/lib/features/export-params";
import { trainingDataStream } from "@/lib/features/export-stream";
import { createTempDatabase } from "@/lib/test-support/temp-db";
import { insertBenchFeatureVectors } from "./features-data";
import { formatMb, formatMs, measure } from "./measure";

const ALL = { since: "2000-01-01T00:00:00.000Z", model: null, featureVersion: null, labelledOnly: false };

async function drain(stream: ReadableStream<Uint8Array>, onChunk?: () => void): Promise<number> {
  let bytes = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
    onChunk?.();
  }
}

async function benchSimilarQueries(rows: number, dim: number): Promise<void> {
  const temp = createTempDatabase();
  try {
    let start = performance.now();
    insertBenchFeatureVectors(temp.sqlite, { rows, dim, model: "bench-minilm" });
    console.log(`Similar queries: ${rows.toLocaleString("en-US")} vectors × ${dim} dims inserted in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    const cache = new EmbeddingIndexCache(temp.sqlite);
    start = performance.now();
    const index = cache.get("bench-minilm");
    console.log(`  index build (read + JSON.parse + normalise, once per change)  ${formatMs(performance.now() - start)}   ${formatMb(index.vectors.byteLength)} packed Float32`);
    const cached = await measure(() => cache.get("bench-minilm"), 200);
    console.log(`  staleness check when nothing changed (PRAGMA data_version)     median ${formatMs(cached.median)}   p95 ${formatMs(cached.p95)}`);
    const probes = Array.from({ length: 30 }, (_, i) => Array.from(index.vectors.subarray(((i * 7919) % index.size) * dim, ((i * 7919) % index.size) * dim + dim)));
    let p = 0;
    const search = await measure(() => nearestNeighbours(index, probes[p++ % probes.length]!, 10), 30);
    console.log(`  one search, top 10 by cosine over all ${rows.toLocaleString("en-US")}              median ${formatMs(search.median)}   p95 ${formatMs(search.p95)}`);
  } finally {
    await temp.close();
  }
}

async function benchExport(rows: number, dim: number): Promise<void> {
  const temp = createTempDatabase();
  try {
    insertBenchFeatureVectors(temp.sqlite, { rows, dim, model: "bench-minilm" });
    console.log(`\nTraining-data export of ${rows.toLocaleString("en-US")} rows × ${dim} dims (whole stream read, bytes counted):`);
    for (const format of ["csv", "jsonl", "parquet"] as ExportFormat[]) {
      let bytes = 0;
      const timing = await measure(async () => {
        bytes = await drain(trainingDataStream(temp.sqlite, format, ALL));
      }, 7, 1);
      console.log(`  ${format.padEnd(8)} median ${formatMs(timing.median)}   p95 ${formatMs(timing.p95)}   ${formatMb(bytes)}`);
    }
  } finally {
    await temp.close();
  }
}

async function benchLargeStream(rows: number, dim: number): Promise<void> {
  const temp = createTempDatabase();
  try {
    let start = performance.now();
    insertBenchFeatureVectors(temp.sqlite, { rows, dim, model: "bench-small" });
    console.log(`\nStreaming ${rows.toLocaleString("en-US")} rows (× ${dim} dims, inserted in ${((performance.now() - start) / 1000).toFixed(1)} s): peak memory while the stream is read`);
    for (const format of ["jsonl"] as ExportFormat[]) {
      global.gc?.();
      const base = process.memoryUsage();
      let peakHeap = 0;
      let peakRss = 0;
      let chunks = 0;
      start = performance.now();
      const bytes = await drain(trainingDataStream(temp.sqlite, format, ALL), () => {
        if (++chunks % 25 !== 0) return;
        const now = process.memoryUsage();
        peakHeap = Math.max(peakHeap, now.heapUsed + now.arrayBuffers);
        peakRss = Math.max(peakRss, now.rss);
      });
      const seconds = (performance.now() - start) / 1000;
      console.log(
        `  ${format.padEnd(8)} ${seconds.toFixed(1)} s, ${formatMb(bytes)} streamed; peak JS heap + buffers ${formatMb(peakHeap)} (before: ${formatMb(base.heapUsed + base.arrayBuffers)}), peak RSS ${formatMb(peakRss)} (before: ${formatMb(base.rss)})`,
      );
    }
  } finally {
    await temp.close();
  }
}

export async function benchFeatures(): Promise<void> {
  console.log("\n=== Features ===");
  await benchSimilarQueries(200_000, 384);
  await benchExport(10_000, 384);
  await benchLargeStream(1_000_000, 16);
}
