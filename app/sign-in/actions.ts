"use server";

import { redirect } from "next/navigation";
import { authEnabled } from "@/lib/auth/auth-mode";
import { parseAuthForm, safeNextPath, signInSchema, type AuthFormState } from "@/lib/auth/schema";
import { authenticate, SIGN_IN_REFUSED } from "@/lib/auth/sign-in";
import { signInThrottle, tooManyFailuresMessage } from "@/lib/auth/sign-in-throttle";
import { startSession } from "@/lib/auth/start-session";
import { db } from "@/lib/db";

export type SignInField = "username" | "password" | "next";

/** Public by design (see route-protection.test.ts): signing in is what anonymous visitors come to do. */
export async function signInAction(_previous: AuthFormState<SignInField>, formData: FormData): Promise<AuthFormState<SignInField>> {
  if (!authEnabled()) redirect("/");
  const parsed = parseAuthForm(signInSchema, ["username", "password", "next"], formData);
  if (!parsed.ok) return parsed;
  const retryAfter = signInThrottle.retryAfter(parsed.data.username);
  if (retryAfter > 0) return { ok: false, message: tooManyFailuresMessage(retryAfter), fieldErrors: {}, values: parsed.values };
  const user = await authenticate(db, parsed.data.username, parsed.data.password);
  if (!user) {
    signInThrottle.recordFailure(parsed.data.username);
    return { ok: false, message: SIGN_IN_REFUSED, fieldErrors: {}, values: parsed.values };
  }
  signInThrottle.recordSuccess(parsed.data.username);
  await startSession(user.id);
  redirect(safeNextPath(parsed.data.next));
}
