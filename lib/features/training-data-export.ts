import "server-only";
import { bulkConnection } from "./bulk-connection";
import { exportSince, type ExportFormat, type ExportParams } from "./export-params";
import type { ExportFilters } from "./export-rows";
import { EXPORT_CONTENT_TYPES, trainingDataStream } from "./export-stream";

export function exportFilters(params: ExportParams, now = new Date()): ExportFilters {
  return {
    since: exportSince(params.days, now),
    model: params.model ?? null,
    featureVersion: params.featureVersion ?? null,
    labelledOnly: params.labelled,
  };
}

const EXTENSIONS: Record<ExportFormat, string> = { csv: "csv", jsonl: "jsonl", parquet: "parquet" };

/** The export as an HTTP response: streamed body, its content type and an attachment file name. */
export function trainingDataResponse(format: ExportFormat, filters: ExportFilters, name = `training-data-${new Date().toISOString().slice(0, 10)}`): Response {
  return new Response(trainingDataStream(bulkConnection(), format, filters), {
    headers: {
      "Content-Type": EXPORT_CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${name}.${EXTENSIONS[format]}"`,
      "Cache-Control": "no-store",
    },
  });
}
