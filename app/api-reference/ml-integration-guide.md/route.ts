import { readFile } from "node:fs/promises";
import path from "node:path";
import { apiV1 } from "@/lib/api/v1-handler";

/**
 * The repository's docs/ml-integration-guide.md as text, so the API page can link to it. Read scope like the
 * OpenAPI document: a signed-in viewer's session or any API key.
 */
export const GET = apiV1("read", async () => {
  const guide = await readFile(path.join(process.cwd(), "docs", "ml-integration-guide.md"), "utf8");
  return new Response(guide, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
});
