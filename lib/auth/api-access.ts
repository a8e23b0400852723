import type { ApiCaller, ApiScope } from "@/lib/api/v1-handler";
import type { PrismaClient } from "@/lib/db/client";
import { bearerToken, verifyApiKey } from "./api-keys";
import { authEnabled } from "./auth-mode";
import { ROLE_SCOPE, scopeAllows } from "./roles";
import { SESSION_COOKIE } from "./session-cookie-name";
import { userOfSession } from "./sessions";

export type ApiAccess = { ok: true; caller: ApiCaller | null } | { ok: false; status: 401 | 403; message: string };

function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/**
 * Who is calling the API and whether they may: a valid `Authorization: Bearer rall_…` key, else the dashboard's
 * session cookie (a viewer reads, an editor writes, an admin administers), so the browser's own downloads work.
 *
 * With RALL_AUTH off the dashboard is open, and so are API reads (caller null), but writing still takes a key
 * of the write scope: "no one writes without a key" holds in every configuration. A key that is sent is always
 * checked, so a revoked key is refused even where no key is needed.
 */
export async function resolveApiCaller(db: PrismaClient, request: Request, scope: ApiScope, env: Readonly<Record<string, string | undefined>> = process.env): Promise<ApiAccess> {
  const key = bearerToken(request.headers.get("authorization"));
  let caller: ApiCaller | null = null;
  if (key !== null) {
    const verified = await verifyApiKey(db, key);
    if (!verified) return { ok: false, status: 401, message: "The API key is not valid or has been revoked." };
    caller = { kind: "api-key", id: verified.id, name: verified.name, scope: verified.scope };
  } else if (request.headers.has("authorization")) {
    return { ok: false, status: 401, message: "Send the API key as Authorization: Bearer <key>." };
  } else if (authEnabled(env)) {
    const user = await userOfSession(db, cookieValue(request.headers.get("cookie"), SESSION_COOKIE));
    if (user) caller = { kind: "user", id: user.id, name: user.username, scope: ROLE_SCOPE[user.role] };
  } else if (scope === "read") {
    return { ok: true, caller: null };
  }
  if (!caller) return { ok: false, status: 401, message: `This endpoint needs an API key with the ${scope} scope: send Authorization: Bearer <key>.` };
  if (!scopeAllows(caller.scope, scope)) {
    return { ok: false, status: 403, message: `This endpoint needs the ${scope} scope; the ${caller.kind === "api-key" ? "key" : "signed-in user"} has ${caller.scope}.` };
  }
  return { ok: true, caller };
}
