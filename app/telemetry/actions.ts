"use server";

import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/guard";
import { openSqlite } from "@/lib/db/sqlite";
import { formatCount } from "@/lib/format";
import { refreshDailyAggregates } from "@/lib/telemetry/refresh-aggregates";

export type AggregateState = { ok: boolean; message: string } | null;

/** The page's "Recompute" button: the same incremental aggregation as `npm run telemetry:aggregate`. */
export async function recomputeAggregatesAction(): Promise<AggregateState> {
  const access = await authorize("editor");
  if (!access.ok) return { ok: false, message: access.message };
  const sqlite = openSqlite();
  try {
    const { recomputed, unchanged } = refreshDailyAggregates(sqlite);
    revalidatePath("/telemetry");
    if (recomputed.length === 0) return { ok: true, message: `All ${formatCount(unchanged)} days were up to date; nothing recomputed.` };
    return { ok: true, message: `Recomputed ${formatCount(recomputed.length)} changed day(s); ${formatCount(unchanged)} unchanged.` };
  } catch (error) {
    return { ok: false, message: `Could not recompute: ${(error as Error).message}` };
  } finally {
    sqlite.close();
  }
}
