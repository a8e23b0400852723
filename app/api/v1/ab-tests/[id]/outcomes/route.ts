import { resultOutcome } from "@/lib/api/result-outcome";
import { apiV1 } from "@/lib/api/v1-handler";
import { batchParser, sqliteWrite } from "@/lib/api/write-route";
import { abOutcomeSchema } from "@/lib/ab-tests/outcomes-schema";
import { recordAbOutcomes } from "@/lib/ab-tests/record-outcomes";
import { bulkConnection } from "@/lib/features/bulk-connection";

/** POST { items: [{ variant, queryId, prediction, actualValue }, …] }: outcomes of a running test; the counts follow. */
export const POST = apiV1<{ id: string }>("write", async (request, { params, caller }) => {
  const { id } = await params;
  return sqliteWrite({ request, caller, route: `POST /api/v1/ab-tests/${id}/outcomes` }, bulkConnection(), batchParser(abOutcomeSchema), (sqlite, items) =>
    resultOutcome(recordAbOutcomes(sqlite, id, items), 201),
  );
});
