import { NextResponse, type NextRequest } from "next/server";
import { deleteSession } from "@/lib/auth/sessions";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie-name";
import { db } from "@/lib/db";

/** POST /sign-out (the nav's button): deletes the session row and the cookie, then shows the sign-in page. */
export async function POST(request: NextRequest) {
  await deleteSession(db, request.cookies.get(SESSION_COOKIE)?.value);
  const response = NextResponse.redirect(new URL("/sign-in", request.url), 303);
  response.cookies.delete(SESSION_COOKIE);
  return response;
}
