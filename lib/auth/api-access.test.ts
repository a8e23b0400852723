import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { apiV1 as ApiV1 } from "@/lib/api/v1-handler";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { createApiKey, revokeApiKey } from "./api-keys";
import { createSession } from "./sessions";
import { createUser } from "./users";

// apiV1 end to end on a real database: lib/db reads DATABASE_URL when first imported.
let temp: TempDatabase;
let apiV1: typeof ApiV1;
const keys: Record<string, string> = {};
const cookies: Record<string, string> = {};
let revokedKey = "";

beforeAll(async () => {
  temp = createTempDatabase();
  vi.stubEnv("DATABASE_URL", temp.url);
  vi.resetModules();
  ({ apiV1 } = await import("@/lib/api/v1-handler"));
  const db = temp.prisma();
  for (const scope of ["read", "write", "admin"] as const) keys[scope] = (await createApiKey(db, { name: scope, scope, createdBy: null })).key;
  const revoked = await createApiKey(db, { name: "old", scope: "admin", createdBy: null });
  await revokeApiKey(db, revoked.summary.id);
  revokedKey = revoked.key;
  for (const role of ["viewer", "editor"] as const) {
    const user = await createUser(db, { username: role, password: "correct horse battery staple", role });
    if (!user.ok) throw new Error("setup");
    cookies[role] = `rall_session=${(await createSession(db, user.user.id)).token}`;
  }
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await temp.close();
});

const handler = vi.fn((_request: Request, { caller }: { caller: unknown }) => Response.json({ caller }));
async function call(scope: "read" | "write" | "admin", headers: Record<string, string>, env: Record<string, string> = {}) {
  for (const [name, value] of Object.entries({ RALL_AUTH: "on", ...env })) vi.stubEnv(name, value);
  const route = apiV1(scope, handler as never);
  const response = await route(new Request("http://localhost/api/v1/x", { headers }) as never, { params: Promise.resolve({}) as never });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

describe("apiV1", () => {
  it("answers 401 with WWW-Authenticate: Bearer, before the handler runs, without a key", async () => {
    handler.mockClear();
    const response = await call("read", {});
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect(response.body.error).toMatch(/API key with the read scope/);
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers 401 for an unknown, revoked or malformed key", async () => {
    expect((await call("read", { authorization: `Bearer ${revokedKey}` })).status).toBe(401);
    expect((await call("read", { authorization: "Bearer rall_nope" })).status).toBe(401);
    expect((await call("read", { authorization: keys.read! })).status).toBe(401);
  });

  it("answers 403 when the key's scope is too small, and runs the handler with the caller when it suffices", async () => {
    expect((await call("write", { authorization: `Bearer ${keys.read}` })).status).toBe(403);
    expect((await call("admin", { authorization: `Bearer ${keys.write}` })).status).toBe(403);
    const ok = await call("write", { authorization: `Bearer ${keys.admin}` });
    expect(ok.status).toBe(200);
    expect(ok.body.caller).toMatchObject({ kind: "api-key", name: "admin", scope: "admin" });
  });

  it("lets a signed-in user's session stand in for a key: viewer reads, editor writes, neither administers", async () => {
    expect((await call("read", { cookie: cookies.viewer! })).body.caller).toMatchObject({ kind: "user", name: "viewer", scope: "read" });
    expect((await call("write", { cookie: cookies.viewer! })).status).toBe(403);
    expect((await call("write", { cookie: cookies.editor! })).status).toBe(200);
    expect((await call("admin", { cookie: cookies.editor! })).status).toBe(403);
    expect((await call("read", { cookie: "rall_session=forged" })).status).toBe(401);
  });

  it("with RALL_AUTH off still asks for a key to write, and to read opens to anonymous callers only", async () => {
    const off = { RALL_AUTH: "off" };
    expect((await call("read", {}, off)).status).toBe(200);
    expect((await call("write", {}, off)).status).toBe(401);
    expect((await call("write", { cookie: cookies.editor! }, off)).status).toBe(401);
    expect((await call("write", { authorization: `Bearer ${keys.write}` }, off)).status).toBe(200);
    expect((await call("read", { authorization: `Bearer ${revokedKey}` }, off)).status).toBe(401);
  });
});
