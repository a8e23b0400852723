"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorize } from "@/lib/auth/guard";
import { closeAbTest } from "@/lib/ab-tests/close-ab-test";
import { createAbTest } from "@/lib/ab-tests/create-ab-test";
import { refreshAbTest } from "@/lib/ab-tests/refresh-ab-test";
import {
  closeAbTestValues,
  createAbTestValues,
  parseCloseAbTest,
  parseCreateAbTest,
  type CloseAbTestFormState,
  type CreateAbTestFormState,
} from "@/lib/ab-tests/schema";
import { formatCount } from "@/lib/format";

/** Starts an A/B test from the form on /ab-tests/new; a refused form comes back with each field's message. */
export async function createAbTestAction(_previous: CreateAbTestFormState | null, formData: FormData): Promise<CreateAbTestFormState> {
  const values = createAbTestValues(formData);
  const access = await authorize("editor");
  if (!access.ok) return { ok: false, message: access.message, fieldErrors: {}, values };
  const parsed = parseCreateAbTest(formData);
  if (!parsed.ok) return { ok: false, message: parsed.message, fieldErrors: parsed.fieldErrors, values };
  const result = await createAbTest(parsed.data);
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values };
  revalidatePath("/ab-tests");
  redirect(`/ab-tests/${result.id}`);
}

export type RefreshState = { ok: boolean; message: string } | null;

/** Recounts a running test from its runs' labelled predictions, and says what it found. */
export async function refreshAbTestAction(id: string): Promise<RefreshState> {
  const access = await authorize("editor");
  if (!access.ok) return { ok: false, message: access.message };
  const result = await refreshAbTest(id);
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath("/ab-tests");
  revalidatePath(`/ab-tests/${id}`);
  return { ok: true, message: `Counts refreshed from predictions: ${formatCount(result.samples.a)} samples for A, ${formatCount(result.samples.b)} for B.` };
}

/**
 * Closes a test with its decision; refused closes come back with the reason, the field errors and the guardrails.
 * The decision names the signed-in user, whatever the form sent; only with RALL_AUTH off is the typed name used.
 */
export async function closeAbTestAction(id: string, _previous: CloseAbTestFormState | null, formData: FormData): Promise<CloseAbTestFormState> {
  const access = await authorize("editor");
  if (!access.ok) return { ok: false, message: access.message, fieldErrors: {}, values: closeAbTestValues(formData) };
  if (access.actor.username !== null) formData.set("decidedBy", access.actor.username);
  const values = closeAbTestValues(formData);
  const parsed = parseCloseAbTest(formData);
  if (!parsed.ok) return { ok: false, message: parsed.message, fieldErrors: parsed.fieldErrors, values };
  const result = await closeAbTest(id, parsed.data);
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values };
  revalidatePath("/ab-tests");
  revalidatePath(`/ab-tests/${id}`);
  redirect(`/ab-tests/${id}`);
}
