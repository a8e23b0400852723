import { resultOutcome } from "@/lib/api/result-outcome";
import { apiV1 } from "@/lib/api/v1-handler";
import { objectParser, prismaWrite } from "@/lib/api/write-route";
import { db } from "@/lib/db";
import { completeRun } from "@/lib/runs/complete-run";
import { completeRunSchema } from "@/lib/runs/run-api-schema";

/** POST { completedAt, accuracy?, f1Score?, … }: the run finished, with its final metrics. */
export const POST = apiV1<{ id: string }>("write", async (request, { params, caller }) => {
  const { id } = await params;
  return prismaWrite({ request, caller, route: `POST /api/v1/runs/${id}/complete` }, db, objectParser(completeRunSchema, "completion"), async (tx, input) =>
    resultOutcome(await completeRun(tx, id, input), 200),
  );
});
