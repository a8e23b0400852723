"use server";

import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { formatCount } from "@/lib/format";
import { erase, ErasureTargetNotFoundError } from "@/lib/privacy/erasure";
import { auditPii, type AuditReport } from "@/lib/privacy/pii-audit";
import { PrivacyBudgetExceededError } from "@/lib/privacy/privacy-budget";
import { parseErasure, parseShare, type ErasureField, type FormState, type ShareField } from "@/lib/privacy/schema";
import { releaseSharedAggregates, type SharedAggregatesRelease } from "@/lib/privacy/shared-aggregates";

export type ErasureState = (FormState<ErasureField> & { rowsDeleted?: Record<string, number> }) | null;

/** Erases a session or subject (admins only: it deletes data for good); refusals come back beside their field, with nothing deleted. */
export async function eraseAction(_previous: ErasureState, formData: FormData): Promise<ErasureState> {
  const access = await authorize("admin");
  const parsed = parseErasure(formData);
  if (!access.ok) return { ok: false, message: access.message, fieldErrors: {}, values: parsed.values };
  if (!parsed.ok) return parsed;
  try {
    const result = await erase(db, parsed.data.scope, parsed.data.id);
    revalidatePath("/privacy");
    return {
      ok: true,
      message: `Erased ${formatCount(result.totalRows)} rows about the ${parsed.data.scope}; request ${result.requestId.slice(0, 8)} recorded.`,
      rowsDeleted: result.rowsDeleted,
      values: { ...parsed.values, confirm: "" },
    };
  } catch (error) {
    if (!(error instanceof ErasureTargetNotFoundError)) throw error;
    return { ok: false, message: "Nothing was erased.", fieldErrors: { id: [error.message] }, values: parsed.values };
  }
}

export type AuditState = { ok: true; report: AuditReport } | { ok: false; message: string } | null;

/** Scans every text and JSON column for personal data: the same scan as `npm run privacy:audit`. */
export async function auditAction(): Promise<AuditState> {
  const access = await authorize("editor");
  if (!access.ok) return { ok: false, message: access.message };
  return { ok: true, report: await auditPii(db) };
}

export type ShareState = (FormState<ShareField> & { release?: SharedAggregatesRelease }) | null;

/** Releases noisy daily figures, spending ε from the budget; refused once the budget is spent. */
export async function shareAggregatesAction(_previous: ShareState, formData: FormData): Promise<ShareState> {
  const access = await authorize("editor");
  const parsed = parseShare(formData);
  if (!access.ok) return { ok: false, message: access.message, fieldErrors: {}, values: parsed.values };
  if (!parsed.ok) return parsed;
  try {
    const release = await releaseSharedAggregates(db, parsed.data);
    revalidatePath("/privacy");
    return { ok: true, message: `Released ${release.days.length} days at ε = ${release.epsilon}.`, values: parsed.values, release };
  } catch (error) {
    if (!(error instanceof PrivacyBudgetExceededError)) throw error;
    return { ok: false, message: "Release refused: the privacy budget is spent.", fieldErrors: { epsilon: [error.message] }, values: parsed.values };
  }
}
