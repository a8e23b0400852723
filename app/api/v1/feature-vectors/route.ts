import { resultOutcome } from "@/lib/api/result-outcome";
import { apiV1 } from "@/lib/api/v1-handler";
import { batchParser, prismaWrite } from "@/lib/api/write-route";
import { db } from "@/lib/db";
import { logFeatureVectors } from "@/lib/features/log-feature-vectors";
import { logFeatureVectorSchema } from "@/lib/features/log-feature-vectors-schema";

/** POST { items: [feature vector, …] } (≤ 10,000): all written in one transaction, or none. */
export const POST = apiV1("write", (request, { caller }) =>
  prismaWrite({ request, caller, route: "POST /api/v1/feature-vectors" }, db, batchParser(logFeatureVectorSchema), async (tx, items) => resultOutcome(await logFeatureVectors(tx, items), 201)),
);
