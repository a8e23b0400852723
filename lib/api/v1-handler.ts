import type { NextRequest } from "next/server";
import { resolveApiCaller } from "@/lib/auth/api-access";
import { db } from "@/lib/db";

/** What an API caller may do; each scope includes the ones before it (admin ⊃ write ⊃ read). */
export type ApiScope = "read" | "write" | "admin";

/** Who made a request: an API key or a signed-in dashboard user, with the scope they hold. */
export type ApiCaller = { kind: "api-key" | "user"; id: string; name: string; scope: ApiScope };

/** `caller` is null only for a read while RALL_AUTH is off (the open local dashboard); see lib/auth/api-access.ts. */
export type ApiContext<Params> = { params: Promise<Params>; caller: ApiCaller | null };

type RouteContext<Params> = { params: Promise<Params> };
type Handler<Params> = (request: NextRequest, context: ApiContext<Params>) => Response | Promise<Response>;

/**
 * Every API route handler is wrapped by this, naming the scope the route needs: the one place where API access
 * is checked, before the handler runs. No, invalid or revoked key: 401 with `WWW-Authenticate: Bearer`; too
 * small a scope: 403. A test (lib/auth/route-protection.test.ts) fails for a route handler that is not wrapped.
 */
export function apiV1<Params = Record<string, never>>(scope: ApiScope, handler: Handler<Params>) {
  return async (request: NextRequest, context: RouteContext<Params>) => {
    const access = await resolveApiCaller(db, request, scope);
    if (!access.ok) {
      const response = apiError(access.status, access.message);
      if (access.status === 401) response.headers.set("WWW-Authenticate", `Bearer realm="rall", scope="${scope}"`);
      return response;
    }
    return handler(request, { params: context.params, caller: access.caller });
  };
}

/** A JSON error body the API answers with: a message and, for bad input, each field's errors. */
export function apiError(status: number, message: string, fieldErrors?: Record<string, string[]>): Response {
  return Response.json({ error: message, ...(fieldErrors ? { fieldErrors } : {}) }, { status, headers: { "Cache-Control": "no-store" } });
}
