import { NextResponse, type NextRequest } from "next/server";
import { authEnabled } from "@/lib/auth/auth-mode";
import { isApiPath, isPublicPath } from "@/lib/auth/public-paths";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie-name";
import { userOfSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";

/**
 * The first gate of access control (RALL_AUTH on): an anonymous page view goes to the sign-in page, an anonymous
 * POST (a server action) gets 401, and a viewer's server action 403. Page views are judged on the cookie alone
 * (cheap, and prefetches pass through here); every page and action checks the session again (lib/auth/guard.ts),
 * so this is never the only check.
 */
export async function proxy(request: NextRequest) {
  if (!authEnabled()) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  if (isPublicPath(pathname) || isApiPath(pathname) || request.headers.has("authorization")) return NextResponse.next();

  const token = request.cookies.get(SESSION_COOKIE)?.value;
  if (request.method === "GET" || request.method === "HEAD") {
    if (token) return NextResponse.next();
    const signIn = new URL("/sign-in", request.url);
    if (pathname !== "/") signIn.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  // A POST: a server action (or a form post to a page). These are rare, so the session is checked in the database.
  const user = await userOfSession(db, token);
  if (!user) return refuse(401, "Sign in first.");
  if (user.role === "viewer") return refuse(403, "Viewers cannot change anything.");
  return NextResponse.next();
}

function refuse(status: 401 | 403, message: string) {
  return new NextResponse(`${message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

export const config = {
  // Not the build's static files, nor the icon (the e2e servers probe it before their databases exist).
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
