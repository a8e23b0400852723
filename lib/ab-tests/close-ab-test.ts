import "server-only";
import { db } from "@/lib/db";
import { DATABASE_BUSY_MESSAGE, retryOnWriteConflict } from "@/lib/db/write-errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeRedactionLog } from "@/lib/privacy/redaction-log";
import { scrubPii } from "@/lib/privacy/scrub-pii";
import { analyzeAbTest } from "@/lib/stats/ab-analysis";
import { isoNow } from "@/lib/time";
import { AB_TESTS_TABLE, type AbTestWriter } from "./create-ab-test";
import { abTestGuardrails, powerProgress, type Guardrail } from "./guardrails";
import type { CloseAbTestFieldErrors, CloseAbTestInput, Winner } from "./schema";

export type CloseAbTestResult =
  | { ok: true; winner: Winner; pValue: number | null }
  | {
      ok: false;
      reason: "not_found" | "already_closed" | "guardrails" | "busy";
      message: string;
      fieldErrors: CloseAbTestFieldErrors;
      guardrails?: Guardrail[];
    };

/** "Already closed by mira.k on 2026-11-20 14:02 UTC (winner: B); a closed test is read-only." */
function alreadyClosed(row: { decidedBy: string | null; decidedAt: string | null; winner: string | null }): CloseAbTestResult {
  const when = row.decidedAt ? ` on ${row.decidedAt.slice(0, 10)} ${row.decidedAt.slice(11, 16)} UTC` : "";
  const winner = row.winner === "tie" ? "a tie" : `variant ${row.winner}`;
  return {
    ok: false,
    reason: "already_closed",
    message: `This test was already closed by ${row.decidedBy ?? "someone"}${when}, declaring ${winner}. A closed test is read-only; nothing was changed.`,
    fieldErrors: {},
  };
}

/** The decision text: the reason, and when guardrails were overridden, which ones and why. */
function decisionText(reason: string, overridden: Guardrail[], overrideReason: string | null): string {
  if (overridden.length === 0) return reason;
  const names = overridden.map((guardrail) => guardrail.title.toLowerCase()).join(", ");
  return `${reason}\n\nDecided despite: ${names}. Why: ${overrideReason ?? ""}`;
}

async function closeOnce(id: string, input: CloseAbTestInput, client: AbTestWriter, now: string): Promise<CloseAbTestResult> {
  return client.$transaction(async (tx: Prisma.TransactionClient): Promise<CloseAbTestResult> => {
    const test = await tx.abTestResult.findUnique({ where: { id } });
    if (!test) return { ok: false, reason: "not_found", message: "There is no A/B test with this id; nothing was saved.", fieldErrors: {} };
    if (test.status !== "running") return alreadyClosed(test);

    const analysis = analyzeAbTest({
      a: { samples: test.variantASamples, successes: test.variantASuccesses },
      b: { samples: test.variantBSamples, successes: test.variantBSuccesses },
      trafficSplit: test.trafficSplit,
    });
    const power = powerProgress(analysis, { a: test.variantASamples, b: test.variantBSamples }, input.mdePoints);
    const guardrails = abTestGuardrails(analysis, power, test.trafficSplit);
    if (guardrails.length > 0 && !input.override) {
      return {
        ok: false,
        reason: "guardrails",
        message: `This result is not ready to decide (${guardrails.map((g) => g.title.toLowerCase()).join(", ")}); nothing was saved.`,
        fieldErrors: { override: ["To decide anyway, tick the override and explain why in writing."] },
        guardrails,
      };
    }

    const decidedBy = scrubPii(input.decidedBy);
    const reason = scrubPii(input.reason);
    const overrideReason = input.overrideReason === null ? null : scrubPii(input.overrideReason);
    const pValue = analysis.pValue;
    // One conditional UPDATE: of two simultaneous closes, only the first finds the test still running.
    const changed = await tx.$executeRaw`
      UPDATE ab_test_results SET
        status = 'closed', winner = ${input.winner}, decided_by = ${decidedBy.text}, decided_at = ${now}, ended_at = ${now},
        decision_reason = ${decisionText(reason.text, guardrails, overrideReason?.text ?? null)},
        statistical_significance = ${pValue}, confidence = ${pValue === null ? null : 1 - pValue}
      WHERE id = ${id} AND status = 'running'`;
    if (changed === 0) {
      const winnerRow = await tx.abTestResult.findUnique({ where: { id }, select: { decidedBy: true, decidedAt: true, winner: true } });
      return winnerRow ? alreadyClosed(winnerRow) : { ok: false, reason: "not_found", message: "There is no A/B test with this id; nothing was saved.", fieldErrors: {} };
    }
    const findings = [...decidedBy.findings, ...reason.findings, ...(overrideReason?.findings ?? [])];
    await writeRedactionLog(tx, { sourceTable: AB_TESTS_TABLE, sourceId: id, findings });
    return { ok: true, winner: input.winner, pValue };
  });
}

/**
 * Closes a running A/B test and records the decision: winner, who, when, why, and the fixed-horizon statistics at
 * that moment (statistical_significance = p-value, confidence = 1 − p). Refused, with nothing written, when the
 * test is missing or already closed, or when a guardrail applies (sample-ratio mismatch, not significant,
 * underpowered) and the override is not ticked with a written reason.
 */
export async function closeAbTest(id: string, input: CloseAbTestInput, client: AbTestWriter = db, now: string = isoNow()): Promise<CloseAbTestResult> {
  return retryOnWriteConflict(() => closeOnce(id, input, client, now), () => ({ ok: false, reason: "busy", message: DATABASE_BUSY_MESSAGE, fieldErrors: {} }));
}
