import "server-only";
import { cookies, headers } from "next/headers";
import { SESSION_COOKIE } from "./session-cookie-name";

// The session cookie: httpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it), Secure over https.

/** Whether the browser reached us over https, directly or through a TLS-terminating proxy. */
async function overHttps(): Promise<boolean> {
  const h = await headers();
  return h.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" || (h.get("origin") ?? "").startsWith("https://");
}

export async function sessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}

export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", secure: await overHttps(), path: "/", expires: expiresAt });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}
