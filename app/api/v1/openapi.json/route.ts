import { openApiDocument } from "@/lib/api/openapi";
import { apiV1 } from "@/lib/api/v1-handler";

// Read scope like the rest of /api/v1: the document describes no data, but every caller of the API holds a key
// anyway, and the dashboard's API reference page renders it for signed-in people without going through HTTP.
export const GET = apiV1("read", () => Response.json(openApiDocument(), { headers: { "Cache-Control": "no-store" } }));
