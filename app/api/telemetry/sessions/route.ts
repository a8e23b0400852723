import { apiV1 } from "@/lib/api/v1-handler";
import { db } from "@/lib/db";
import { ingestSession } from "@/lib/telemetry/ingest-session";

/** POST one session's telemetry as JSON; refused with 403 unless its subject consented to local telemetry. */
export const POST = apiV1("write", async (request) => {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ ok: false, message: "The body must be JSON." }, { status: 400 });
  }
  const result = await ingestSession(db, body);
  if (!result.ok) return Response.json(result, { status: result.status });
  return Response.json(result, { status: 201 });
});
