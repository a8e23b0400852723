import { resultOutcome } from "@/lib/api/result-outcome";
import { apiV1 } from "@/lib/api/v1-handler";
import { prismaWrite } from "@/lib/api/write-route";
import { db } from "@/lib/db";
import { inTransaction } from "@/lib/db/in-transaction";
import { ingestSession } from "@/lib/telemetry/ingest-session";

/**
 * POST one session with its queries (the body of POST /api/telemetry/sessions), refused with 403 unless its
 * subject consented to local telemetry.
 */
export const POST = apiV1("write", (request, { caller }) =>
  prismaWrite({ request, caller, route: "POST /api/v1/sessions" }, db, (body) => ({ ok: true, input: body }), async (tx, body) =>
    resultOutcome(await ingestSession(inTransaction(tx), body), 201),
  ),
);
