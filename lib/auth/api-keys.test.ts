import { afterEach, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { bearerToken, createApiKey, LAST_USED_RESOLUTION_MS, listApiKeys, revokeApiKey, verifyApiKey } from "./api-keys";
import { scopeAllows } from "./roles";
import { sha256Hex } from "./tokens";

let temp: TempDatabase;
afterEach(async () => {
  await temp?.close();
});
const fresh = () => (temp = createTempDatabase()).prisma();

describe("API keys", () => {
  it("are rall_ and 32 random bytes, shown once, stored only as SHA-256 with a display prefix", async () => {
    const db = fresh();
    const { key, summary } = await createApiKey(db, { name: " training pipeline ", scope: "write", createdBy: null });
    expect(key).toMatch(/^rall_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(key.slice(5), "base64url")).toHaveLength(32);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: summary.id } });
    expect(row).toMatchObject({ name: "training pipeline", keyPrefix: key.slice(0, 12), keyHash: sha256Hex(key), scope: "write", createdBy: null, lastUsedAt: null });
    expect(JSON.stringify(row)).not.toContain(key);
    expect((await createApiKey(db, { name: "b", scope: "read", createdBy: null })).key).not.toBe(key);
  });

  it("scrub personal data from the name", async () => {
    const db = fresh();
    const { summary } = await createApiKey(db, { name: "laptop of mira@example.com", scope: "read", createdBy: null });
    expect(summary.name).not.toContain("mira@example.com");
  });

  it("verify to their scope; an unknown or revoked key does not verify", async () => {
    const db = fresh();
    const { key, summary } = await createApiKey(db, { name: "ci", scope: "read", createdBy: null });
    expect(await verifyApiKey(db, key)).toEqual({ id: summary.id, name: "ci", scope: "read" });
    // One character changed (the key is random: a fixed replacement would equal its last character one time in 64).
    expect(await verifyApiKey(db, `${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(await verifyApiKey(db, "not-a-key")).toBeNull();
    expect(await revokeApiKey(db, summary.id)).toBe(true);
    expect(await verifyApiKey(db, key)).toBeNull();
    expect(await revokeApiKey(db, "missing")).toBe(false);
    expect((await listApiKeys(db))[0]!.revokedAt).not.toBeNull();
  });

  it("record when they were last used, at most once a minute", async () => {
    const db = fresh();
    const { key, summary } = await createApiKey(db, { name: "ci", scope: "read", createdBy: null });
    const lastUsed = async () => (await db.apiKey.findUniqueOrThrow({ where: { id: summary.id } })).lastUsedAt;
    const t0 = new Date("2026-11-20T10:00:00.000Z");
    await verifyApiKey(db, key, t0);
    expect(await lastUsed()).toBe("2026-11-20T10:00:00.000Z");
    await verifyApiKey(db, key, new Date(t0.getTime() + LAST_USED_RESOLUTION_MS - 1));
    expect(await lastUsed()).toBe("2026-11-20T10:00:00.000Z");
    await verifyApiKey(db, key, new Date(t0.getTime() + LAST_USED_RESOLUTION_MS));
    expect(await lastUsed()).toBe("2026-11-20T10:01:00.000Z");
  });

  it("list active keys before revoked ones", async () => {
    const db = fresh();
    const first = await createApiKey(db, { name: "first", scope: "read", createdBy: null });
    await createApiKey(db, { name: "second", scope: "admin", createdBy: null });
    await revokeApiKey(db, first.summary.id);
    expect((await listApiKeys(db)).map((k) => k.name)).toEqual(["second", "first"]);
  });
});

describe("scopes and bearer tokens", () => {
  it("order read ⊂ write ⊂ admin", () => {
    expect(scopeAllows("admin", "write")).toBe(true);
    expect(scopeAllows("write", "write")).toBe(true);
    expect(scopeAllows("write", "read")).toBe(true);
    expect(scopeAllows("read", "write")).toBe(false);
    expect(scopeAllows("write", "admin")).toBe(false);
  });

  it("read the key of an Authorization: Bearer header only", () => {
    expect(bearerToken("Bearer rall_abc")).toBe("rall_abc");
    expect(bearerToken("bearer  rall_abc ")).toBe("rall_abc");
    expect(bearerToken("Basic dXNlcjpwYXNz")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});
