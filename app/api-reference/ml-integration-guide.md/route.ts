import { readFile } from "node:fs/promises";
import path from "node:path";

// Read once at build time: the guide is docs/ml-integration-guide.md in the repository, served as text so the
// API page can link to it. Signing in is required like every page (proxy.ts).
export const dynamic = "force-static";

export async function GET() {
  const guide = await readFile(path.join(process.cwd(), "docs", "ml-integration-guide.md"), "utf8");
  return new Response(guide, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
