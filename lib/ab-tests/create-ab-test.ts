import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/db/client";
import { DATABASE_BUSY_MESSAGE, retryOnWriteConflict } from "@/lib/db/write-errors";
import { writeRedactionLog } from "@/lib/privacy/redaction-log";
import { scrubPii } from "@/lib/privacy/scrub-pii";
import { isoNow } from "@/lib/time";
import { refreshCountsInTransaction } from "./refresh-counts";
import type { CreateAbTestFieldErrors, CreateAbTestInput } from "./schema";

export type AbTestWriter = Pick<PrismaClient, "$transaction">;

export const AB_TESTS_TABLE = "ab_test_results";

export type CreateAbTestResult =
  | { ok: true; id: string; redacted: string[] }
  | { ok: false; message: string; fieldErrors: CreateAbTestFieldErrors };

const refused = (message: string, fieldErrors: CreateAbTestFieldErrors): CreateAbTestResult => ({
  ok: false,
  message: `${message}; nothing was saved.`,
  fieldErrors,
});

async function createOnce(input: CreateAbTestInput, client: AbTestWriter, now: string): Promise<CreateAbTestResult> {
  return client.$transaction(async (tx) => {
    const runs = await tx.modelTrainingRun.findMany({
      where: { id: { in: [input.variantARunId, input.variantBRunId] } },
      select: { id: true, modelType: true, modelVersion: true },
    });
    const a = runs.find((run) => run.id === input.variantARunId);
    const b = runs.find((run) => run.id === input.variantBRunId);
    if (!a || !b) {
      const fieldErrors: CreateAbTestFieldErrors = {};
      if (!a) fieldErrors.variantARunId = ["That model version is not registered; choose one from the list."];
      if (!b) fieldErrors.variantBRunId = ["That model version is not registered; choose one from the list."];
      return refused("A chosen model version does not exist", fieldErrors);
    }
    if (a.modelType !== b.modelType) {
      return refused("The variants are different models", {
        variantBRunId: [`Variant B must be a ${a.modelType} version like A; ${b.modelVersion} is a ${b.modelType} model.`],
      });
    }
    const name = scrubPii(input.name);
    const notes = input.notes === null ? null : scrubPii(input.notes);
    const id = randomUUID();
    await tx.abTestResult.create({
      data: {
        id,
        testName: name.text,
        startedAt: input.startedAt ?? now,
        variantAModel: a.modelVersion,
        variantBModel: b.modelVersion,
        variantARunId: a.id,
        variantBRunId: b.id,
        trafficSplit: input.trafficSplit,
        notes: notes?.text ?? null,
        status: "running",
      },
    });
    // A test registered after it started has predictions already: count them at once.
    await refreshCountsInTransaction(tx, id, now);
    const findings = [...name.findings, ...(notes?.findings ?? [])];
    await writeRedactionLog(tx, { sourceTable: AB_TESTS_TABLE, sourceId: id, findings });
    return { ok: true, id, redacted: [...new Set(findings.map((finding) => finding.category))] };
  });
}

/**
 * Starts an A/B test between two versions of the same model, in one transaction: both runs must exist and be
 * of one model type; the name and hypothesis are scrubbed of personal data; the counts are taken from the
 * predictions already in the window. Nothing is written when it is refused.
 */
export async function createAbTest(input: CreateAbTestInput, client: AbTestWriter = db, now: string = isoNow()): Promise<CreateAbTestResult> {
  return retryOnWriteConflict(() => createOnce(input, client, now), () => ({ ok: false, message: DATABASE_BUSY_MESSAGE, fieldErrors: {} }));
}
