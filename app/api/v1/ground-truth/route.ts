import { ItemErrors } from "@/lib/api/batch";
import { resultOutcome } from "@/lib/api/result-outcome";
import { apiV1 } from "@/lib/api/v1-handler";
import { batchParser, prismaWrite, refusalOutcome } from "@/lib/api/write-route";
import { db } from "@/lib/db";
import { inTransaction } from "@/lib/db/in-transaction";
import { uploadGroundTruth } from "@/lib/predictions/ground-truth";
import { recordGroundTruthSchema } from "@/lib/predictions/ground-truth-schema";

/**
 * POST { items: [{ predictionId, actualValue }, …] } (≤ 10,000): the CSV upload's writer, all or nothing;
 * is_correct is computed by the server. An unknown prediction id refuses the batch, naming the item.
 */
export const POST = apiV1("write", (request, { caller }) =>
  prismaWrite({ request, caller, route: "POST /api/v1/ground-truth" }, db, batchParser(recordGroundTruthSchema), async (tx, items) => {
    const result = await uploadGroundTruth(items.map((item, index) => ({ line: index, ...item })), inTransaction(tx));
    if (result.ok) return resultOutcome(result, 200);
    const errors = new ItemErrors();
    for (const error of result.errors) errors.add(error.line ?? 0, "predictionId", error.message);
    return refusalOutcome(errors.refusal(400, "refused")!);
  }),
);
