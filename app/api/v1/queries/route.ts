import { prismaBatchHandler } from "@/lib/api/batch-route";
import { apiV1 } from "@/lib/api/v1-handler";
import { ingestQueries } from "@/lib/telemetry/ingest-telemetry-batch";
import { queryItemSchema } from "@/lib/telemetry/telemetry-batch-schemas";

/** POST { items: [...] } (≤ 10,000), all or nothing (README: API). */
export const POST = apiV1("write", prismaBatchHandler("POST /api/v1/queries", queryItemSchema, ingestQueries));
