import type Database from "better-sqlite3";
import { csvBytes, csvHeader, jsonlBytes, ParquetBatchEncoder } from "./export-formats";
import type { ExportFormat } from "./export-params";
import { EXPORT_BATCH_SIZE, exportByteRowBatches, type ExportBatch, type ExportFilters } from "./export-rows";

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/x-ndjson; charset=utf-8",
  parquet: "application/vnd.apache.parquet",
};

/**
 * The export as a byte stream pulled by the client: each pull reads one batch of rows, encodes it and
 * enqueues it, so a slow reader holds the database read back and memory stays at one batch.
 */
export function trainingDataStream(
  sqlite: Database.Database,
  format: ExportFormat,
  filters: ExportFilters,
  batchSize = EXPORT_BATCH_SIZE,
): ReadableStream<Uint8Array> {
  return encodedStream(exportByteRowBatches(sqlite, filters, batchSize), format);
}

/** Batches of export rows encoded in one format, as a pull stream. */
export function encodedStream(batches: Generator<ExportBatch>, format: ExportFormat): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  // Every format reads each embedding as its stored bytes: CSV and JSONL copy them, Parquet parses them.
  const parquet = format === "parquet" ? new ParquetBatchEncoder() : null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!started) {
        started = true;
        if (format === "csv") {
          controller.enqueue(encoder.encode(csvHeader()));
          return;
        }
      }
      const next = batches.next();
      if (next.done) {
        if (parquet) {
          parquet.finish();
          for (const chunk of parquet.takeChunks()) controller.enqueue(chunk);
        }
        controller.close();
        return;
      }
      if (parquet) {
        parquet.writeBytes(next.value.rows);
        for (const chunk of parquet.takeChunks()) controller.enqueue(chunk);
      } else {
        controller.enqueue(format === "csv" ? csvBytes(next.value) : jsonlBytes(next.value));
      }
    },
    cancel() {
      batches.return(undefined);
    },
  });
}
