"use server";

import { redirect } from "next/navigation";
import { authEnabled } from "@/lib/auth/auth-mode";
import { createFirstAdmin } from "@/lib/auth/first-admin";
import { parseAuthForm, setupSchema, type AuthFormState } from "@/lib/auth/schema";
import { startSession } from "@/lib/auth/start-session";
import { db } from "@/lib/db";

export type SetupField = "username" | "password" | "confirm";

/**
 * Public by design (see route-protection.test.ts), but only while no user exists: createFirstAdmin checks that
 * in the same statement as its insert, so once an account exists this action creates nothing.
 */
export async function setupFirstAdminAction(_previous: AuthFormState<SetupField>, formData: FormData): Promise<AuthFormState<SetupField>> {
  if (!authEnabled()) redirect("/");
  const parsed = parseAuthForm(setupSchema, ["username", "password", "confirm"], formData);
  if (!parsed.ok) return parsed;
  const result = await createFirstAdmin(db, parsed.data);
  if (!result.ok) {
    return result.reason === "username"
      ? { ok: false, message: "Fix the field below.", fieldErrors: { username: [result.message] }, values: parsed.values }
      : { ok: false, message: result.message, fieldErrors: {}, values: parsed.values };
  }
  await startSession(result.user.id);
  redirect("/");
}
