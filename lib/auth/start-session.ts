import "server-only";
import { db } from "@/lib/db";
import { createSession } from "./sessions";
import { setSessionCookie } from "./session-cookie";

/** Signs the browser in as `userId`: a new session row and its cookie. */
export async function startSession(userId: string): Promise<void> {
  const { token, expiresAt } = await createSession(db, userId);
  await setSessionCookie(token, expiresAt);
}
