import { prismaBatchHandler } from "@/lib/api/batch-route";
import { apiV1 } from "@/lib/api/v1-handler";
import { ingestConsent } from "@/lib/telemetry/ingest-telemetry-batch";
import { consentItemSchema } from "@/lib/telemetry/telemetry-batch-schemas";

/** POST { items: [...] } (≤ 10,000), all or nothing (README: API). */
export const POST = apiV1("write", prismaBatchHandler("POST /api/v1/consent", consentItemSchema, ingestConsent));
