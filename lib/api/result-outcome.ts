import type { ApiOutcome } from "./write-route";

/** A lib/ write result as the API answers it: the result's fields on success, `{ error, fieldErrors }` otherwise. */
export function resultOutcome<T extends { ok: boolean }>(
  result: T,
  successStatus: number,
): ApiOutcome {
  const { ok, ...rest } = result as T & { status?: number; message?: string; fieldErrors?: Record<string, string[]> };
  if (ok) return { status: successStatus, body: rest };
  const { status = 400, message, ...details } = rest;
  return { status, body: { error: message, ...details } };
}
