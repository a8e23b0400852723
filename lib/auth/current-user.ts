import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { authEnabled } from "./auth-mode";
import type { Role } from "./roles";
import { userOfSession, type SessionUser } from "./sessions";
import { sessionToken } from "./session-cookie";

/**
 * Who is asking, once per request (react.cache): the signed-in user, or null. With RALL_AUTH off nobody signs
 * in, and the dashboard acts for an unnamed local admin (see guard.ts).
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  if (!authEnabled()) return null;
  return userOfSession(db, await sessionToken());
});

/** The role the current request acts with, or null when it must sign in first. */
export const currentRole = cache(async (): Promise<Role | null> => {
  if (!authEnabled()) return "admin";
  return (await currentUser())?.role ?? null;
});
