import { abTestById } from "@/lib/ab-tests/ab-test-detail";
import { analysisOf, mdeFromSearchParam } from "@/lib/ab-tests/analysis-of";
import { apiError, apiV1 } from "@/lib/api/v1-handler";

/** GET an A/B test with its analysis (fixed-horizon and sequential), power toward ?mde= points, and guardrails. */
export const GET = apiV1<{ id: string }>("read", async (request, { params }) => {
  const { id } = await params;
  const test = await abTestById(id);
  if (!test) return apiError(404, `There is no A/B test with the id "${id}".`);
  const mde = mdeFromSearchParam(request.nextUrl.searchParams.get("mde") ?? undefined);
  return Response.json({ test, mdePoints: mde, analysis: analysisOf(test, mde) }, { headers: { "Cache-Control": "no-store" } });
});
