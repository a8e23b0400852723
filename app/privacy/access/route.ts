import { apiV1 } from "@/lib/api/v1-handler";
import { db } from "@/lib/db";
import { exportSubjectData } from "@/lib/privacy/access-export";
import { accessSchema } from "@/lib/privacy/schema";

/**
 * GET /privacy/access?scope=session|subject&id=…: everything held about it, as a JSON download. Personal data of
 * one person: admins only (the admin scope), like erasure.
 */
export const GET = apiV1("admin", async (request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = accessSchema.safeParse(params);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    return Response.json({ ok: false, message: "The request needs a scope and an id.", fieldErrors }, { status: 400 });
  }
  const data = await exportSubjectData(db, parsed.data.scope, parsed.data.id);
  if (data.sessions.length === 0 && data.consent.length === 0) {
    return Response.json({ ok: false, message: `No data is held about that ${parsed.data.scope}.` }, { status: 404 });
  }
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="rall-access-${parsed.data.scope}.json"`,
      "cache-control": "no-store",
    },
  });
});
