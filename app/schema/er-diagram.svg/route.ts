import { connection } from "next/server";
import { apiV1 } from "@/lib/api/v1-handler";
import { liveErDiagram } from "@/lib/schema/live-schema";

/** GET /schema/er-diagram.svg: the ER diagram of the live schema as a standalone SVG download. */
export const GET = apiV1("read", async () => {
  await connection();
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${liveErDiagram()}\n`, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Content-Disposition": 'attachment; filename="rall-er-diagram.svg"',
      "Cache-Control": "no-store",
    },
  });
});
