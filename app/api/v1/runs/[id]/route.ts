import { resultOutcome } from "@/lib/api/result-outcome";
import { apiV1 } from "@/lib/api/v1-handler";
import { objectParser, prismaWrite } from "@/lib/api/write-route";
import { db } from "@/lib/db";
import { updateRun } from "@/lib/runs/complete-run";
import { updateRunSchema } from "@/lib/runs/run-api-schema";

/** PATCH { notes?, addTags?, removeTags? }: edit a run's notes and tags. */
export const PATCH = apiV1<{ id: string }>("write", async (request, { params, caller }) => {
  const { id } = await params;
  return prismaWrite({ request, caller, route: `PATCH /api/v1/runs/${id}` }, db, objectParser(updateRunSchema, "change"), async (tx, input) =>
    resultOutcome(await updateRun(tx, id, input), 200),
  );
});
