import { afterAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/lib/test-support/temp-db";
import { scrubPii } from "@/lib/privacy/scrub-pii";
import { callerKeySpace, compareStored, findStoredSync, idempotencyKeyOf, IDEMPOTENCY_TTL_MS, sha256Hex, storeResponseSync } from "./idempotency";

const temp = createTempDatabase();
afterAll(() => temp.close());

const request = (key: string, body = "{}") => ({ key, callerId: "key/k1", route: "POST /api/v1/predictions", requestHash: sha256Hex(body) });

describe("idempotency records", () => {
  it("replays the stored response for the same body, refuses another body or route", () => {
    const stored = { route: "POST /api/v1/predictions", requestHash: sha256Hex("{}"), status: 201, body: '{"written":1}' };
    expect(compareStored(request("k"), stored)).toEqual({ kind: "replay", status: 201, body: '{"written":1}' });
    expect(compareStored(request("k", '{"a":1}'), stored)).toMatchObject({ kind: "mismatch", message: expect.stringContaining("different body") });
    expect(compareStored({ ...request("k"), route: "POST /api/v1/ground-truth" }, stored)).toMatchObject({ kind: "mismatch", message: expect.stringContaining("POST /api/v1/predictions") });
    expect(compareStored(request("k"), null)).toEqual({ kind: "none" });
  });

  it("forgets a key after 24 hours, and the next keyed write deletes the expired row", () => {
    const then = new Date("2026-11-01T00:00:00.000Z");
    storeResponseSync(temp.sqlite, request("old"), 201, "{}", then);
    expect(findStoredSync(temp.sqlite, request("old"), new Date(then.getTime() + IDEMPOTENCY_TTL_MS - 1))).not.toBeNull();
    const later = new Date(then.getTime() + IDEMPOTENCY_TTL_MS);
    expect(findStoredSync(temp.sqlite, request("old"), later)).toBeNull();
    storeResponseSync(temp.sqlite, request("new"), 201, "{}", later);
    expect(temp.sqlite.prepare("SELECT idempotency_key FROM api_idempotency_keys").pluck().all()).toEqual(["new"]);
  });

  it("reads the header: absent is fine, blank, spaced or overlong keys are refused", () => {
    expect(idempotencyKeyOf(new Headers())).toEqual({ ok: true, key: null });
    expect(idempotencyKeyOf(new Headers({ "Idempotency-Key": " 3f2a " }))).toEqual({ ok: true, key: "3f2a" });
    for (const bad of ["a b", "x".repeat(256)]) expect(idempotencyKeyOf(new Headers({ "Idempotency-Key": bad })).ok).toBe(false);
  });

  it("stores whose keys they are as text the PII audit does not mistake for a secret", () => {
    const id = "93836905-6a78-411c-a473-cc261d90be6a";
    expect(callerKeySpace({ kind: "api-key", id, name: "ci", scope: "write" })).toBe(`key/${id}`);
    expect(callerKeySpace({ kind: "user", id, name: "mira", scope: "write" })).toBe(`user/${id}`);
    for (const kind of ["api-key", "user"] as const) expect(scrubPii(callerKeySpace({ kind, id, name: "x", scope: "write" })).findings).toEqual([]);
  });
});
