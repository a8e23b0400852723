"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorize } from "@/lib/auth/guard";
import { registerRun } from "@/lib/runs/register-run";
import { parseRegisterRun, registerRunValues, type RegisterRunFormState } from "@/lib/runs/schema";

/**
 * Registers a training run from the form on /runs/new. A refused form comes back with each field's message
 * and what was typed; a registered run opens on its own page.
 */
export async function registerRunAction(_previous: RegisterRunFormState | null, formData: FormData): Promise<RegisterRunFormState> {
  const values = registerRunValues(formData);
  const access = await authorize("editor");
  if (!access.ok) return { ok: false, message: access.message, fieldErrors: {}, values };
  const parsed = parseRegisterRun(formData);
  if (!parsed.ok) return { ok: false, message: parsed.message, fieldErrors: parsed.fieldErrors, values };

  const result = await registerRun(parsed.data);
  if (!result.ok) {
    return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values, existingRunId: result.existingRunId };
  }
  revalidatePath("/runs");
  redirect(`/runs/${result.id}`);
}
