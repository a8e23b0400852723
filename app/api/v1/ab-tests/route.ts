import { createAbTest } from "@/lib/ab-tests/create-ab-test";
import { parseCreateAbTest } from "@/lib/ab-tests/schema";
import { resultOutcome } from "@/lib/api/result-outcome";
import { apiV1 } from "@/lib/api/v1-handler";
import { prismaWrite } from "@/lib/api/write-route";
import { db } from "@/lib/db";
import { inTransaction } from "@/lib/db/in-transaction";

const asObject = (body: unknown) => (body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {});

/** POST an A/B test between two runs: the create form's fields as JSON (trafficSplit is B's share in percent). */
export const POST = apiV1("write", (request, { caller }) =>
  prismaWrite(
    { request, caller, route: "POST /api/v1/ab-tests" },
    db,
    (body) => {
      const parsed = parseCreateAbTest(asObject(body));
      return parsed.ok ? { ok: true, input: parsed.data } : { ok: false, outcome: { status: 400, body: { error: parsed.message, fieldErrors: parsed.fieldErrors } } };
    },
    async (tx, input) => {
      const result = await createAbTest(input, inTransaction(tx));
      return result.ok ? resultOutcome(result, 201) : { status: 400, body: { error: result.message, fieldErrors: result.fieldErrors } };
    },
  ),
);
