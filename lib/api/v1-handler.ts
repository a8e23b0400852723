import type { NextRequest } from "next/server";

/** What an API caller may do; each scope includes the ones before it (admin ⊃ write ⊃ read). */
export type ApiScope = "read" | "write" | "admin";

/** Who made a request: an API key or a signed-in dashboard user, with the scope they hold. */
export type ApiCaller = { kind: "api-key" | "user"; id: string; name: string; scope: ApiScope };

export type ApiContext<Params> = { params: Promise<Params>; caller: ApiCaller | null };

type RouteContext<Params> = { params: Promise<Params> };
type Handler<Params> = (request: NextRequest, context: ApiContext<Params>) => Response | Promise<Response>;

/**
 * Every /api/v1 route handler is wrapped by this, naming the scope the route needs: the one place where API
 * access is checked. Today the API is open like the pages (`caller` is null); issue 8 puts API keys and signed-in
 * users here (401 without a valid key, 403 with too small a scope, before the handler runs).
 */
export function apiV1<Params = Record<string, never>>(scope: ApiScope, handler: Handler<Params>) {
  void scope;
  return (request: NextRequest, context: RouteContext<Params>) => handler(request, { params: context.params, caller: null });
}

/** A JSON error body the API answers with: a message and, for bad input, each field's errors. */
export function apiError(status: number, message: string, fieldErrors?: Record<string, string[]>): Response {
  return Response.json({ error: message, ...(fieldErrors ? { fieldErrors } : {}) }, { status, headers: { "Cache-Control": "no-store" } });
}
