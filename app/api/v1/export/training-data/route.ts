import { apiError, apiV1 } from "@/lib/api/v1-handler";
import { parseExportParams } from "@/lib/features/export-params";
import { exportFilters, trainingDataResponse } from "@/lib/features/training-data-export";

/**
 * GET /api/v1/export/training-data?format=csv|jsonl|parquet&days=90&model=…&featureVersion=…&labelled=true
 * Training examples, one row per query and embedding model, streamed (README: Training-data export).
 * Bad parameters: 400 with each field's errors.
 */
export const GET = apiV1("read", (request) => {
  const parsed = parseExportParams(request.nextUrl.searchParams);
  if (!parsed.ok) return apiError(400, parsed.message, parsed.fieldErrors);
  return trainingDataResponse(parsed.params.format, exportFilters(parsed.params));
});
