import type { NextRequest } from "next/server";
import { apiV1 } from "@/lib/api/v1-handler";
import { parseRunsView } from "@/lib/runs/run-search-params";
import { runsCsvStream } from "@/lib/runs/runs-export";

/**
 * GET /runs/export?<the runs page's query>: every run the view matches (not one page) as CSV, streamed in
 * keyset chunks while the client reads. A query the page would only warn about is refused here, so an export
 * never silently holds more runs than the person asked for.
 */
export const GET = apiV1("read", (request: NextRequest): Response => {
  const { view, issues } = parseRunsView(request.nextUrl.searchParams);
  if (issues.length > 0) {
    return new Response(`The export was not made: ${issues.join(" ")}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const day = new Date().toISOString().slice(0, 10);
  return new Response(runsCsvStream(view), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="training-runs-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
