import { resultOutcome } from "@/lib/api/result-outcome";
import { apiV1 } from "@/lib/api/v1-handler";
import { prismaWrite, type Parsed } from "@/lib/api/write-route";
import { db } from "@/lib/db";
import { inTransaction } from "@/lib/db/in-transaction";
import { registerRun } from "@/lib/runs/register-run";
import { runTagsSchema } from "@/lib/runs/run-api-schema";
import { updateRunTags } from "@/lib/runs/run-tags";
import { parseRegisterRun, type RegisterRunInput } from "@/lib/runs/schema";

type NewRun = { run: RegisterRunInput; tags: string[] };

/** The registration form's schema, plus the API's tags. */
function parseNewRun(body: unknown): Parsed<NewRun> {
  const source = body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const run = parseRegisterRun(source);
  const tags = runTagsSchema.safeParse({ tags: source.tags });
  if (run.ok && tags.success) return { ok: true, input: { run: run.data, tags: tags.data.tags } };
  const fieldErrors: Record<string, string[]> = run.ok ? {} : { ...run.fieldErrors };
  if (!tags.success) for (const issue of tags.error.issues) (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
  const count = Object.keys(fieldErrors).length;
  return { ok: false, outcome: { status: 400, body: { error: count === 1 ? "One field needs attention; nothing was saved." : `${count} fields need attention; nothing was saved.`, fieldErrors } } };
}

/** POST a training run: the registration form's fields as JSON, plus optional `tags` (README: API). */
export const POST = apiV1("write", (request, { caller }) =>
  prismaWrite({ request, caller, route: "POST /api/v1/runs" }, db, parseNewRun, async (tx, { run, tags }) => {
    const result = await registerRun(run, inTransaction(tx));
    if (!result.ok) return { status: 409, body: { error: result.message, fieldErrors: result.fieldErrors, existingRunId: result.existingRunId } };
    const tagged = await updateRunTags(tx, result.id, { add: tags });
    return resultOutcome({ ok: true, id: result.id, tags: tagged.tags, redacted: [...new Set([...result.redacted, ...tagged.redacted])] }, 201);
  }),
);
