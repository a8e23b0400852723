import type { NextRequest } from "next/server";

type Handler = (request: NextRequest) => Response | Promise<Response>;

/**
 * Every /api/v1 route handler is wrapped by this: the one place where API access is checked. Today the API is
 * open like the pages; issue 8 puts API keys here (a 401 JSON answer before the handler runs).
 */
export function apiV1(handler: Handler): Handler {
  return (request) => handler(request);
}

/** A JSON error body the API answers with: a message and, for bad input, each field's errors. */
export function apiError(status: number, message: string, fieldErrors?: Record<string, string[]>): Response {
  return Response.json({ error: message, ...(fieldErrors ? { fieldErrors } : {}) }, { status, headers: { "Cache-Control": "no-store" } });
}
