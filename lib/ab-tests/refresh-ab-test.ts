import "server-only";
import { db } from "@/lib/db";
import { DATABASE_BUSY_MESSAGE, retryOnWriteConflict } from "@/lib/db/write-errors";
import { isoNow } from "@/lib/time";
import type { AbTestWriter } from "./create-ab-test";
import { refreshCountsInTransaction } from "./refresh-counts";

export type RefreshAbTestResult =
  | { ok: true; samples: { a: number; b: number } }
  | { ok: false; reason: "not_found" | "closed" | "busy"; message: string };

/** Recounts a running test from its runs' labelled predictions; a closed test is read-only and is refused. */
export async function refreshAbTest(id: string, client: AbTestWriter = db, now: string = isoNow()): Promise<RefreshAbTestResult> {
  return retryOnWriteConflict(
    () =>
      client.$transaction(async (tx): Promise<RefreshAbTestResult> => {
        const changed = await refreshCountsInTransaction(tx, id, now);
        const test = await tx.abTestResult.findUnique({ where: { id }, select: { status: true, variantASamples: true, variantBSamples: true } });
        if (!test) return { ok: false, reason: "not_found", message: "There is no A/B test with this id." };
        if (changed === 0) {
          return { ok: false, reason: "closed", message: "This test is closed: its counts are those its decision was made on, and stay as they are." };
        }
        return { ok: true, samples: { a: test.variantASamples, b: test.variantBSamples } };
      }),
    (): RefreshAbTestResult => ({ ok: false, reason: "busy", message: DATABASE_BUSY_MESSAGE }),
  );
}
