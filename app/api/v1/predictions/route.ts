import { resultOutcome } from "@/lib/api/result-outcome";
import { apiV1 } from "@/lib/api/v1-handler";
import { batchParser, sqliteWrite } from "@/lib/api/write-route";
import { bulkConnection } from "@/lib/features/bulk-connection";
import { logPredictions } from "@/lib/predictions/log-predictions";
import { logPredictionSchema } from "@/lib/predictions/log-predictions-schema";

/** POST { items: [prediction, …] } (≤ 10,000): all written in one transaction, or none (README: API). */
export const POST = apiV1("write", (request, { caller }) =>
  sqliteWrite({ request, caller, route: "POST /api/v1/predictions" }, bulkConnection(), batchParser(logPredictionSchema), (sqlite, items) => resultOutcome(logPredictions(sqlite, items), 201)),
);
