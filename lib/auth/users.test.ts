import { afterEach, describe, expect, it } from "vitest";
import { auditPii } from "@/lib/privacy/pii-audit";
import { seedDatabase } from "@/lib/seed/seed";
import { nonEmptyDataTables, resetDatabase } from "@/lib/seed/tables";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { createFirstAdmin, setupOpen, SETUP_CLOSED_MESSAGE } from "./first-admin";
import { authenticate } from "./sign-in";
import { changeUserRole, createUser, disableUser, enableUser, LAST_ADMIN_MESSAGE, listUsers } from "./users";

const PASSWORD = "correct horse battery staple";
let temp: TempDatabase;
afterEach(async () => {
  await temp?.close();
});
const fresh = () => (temp = createTempDatabase()).prisma();

describe("first-admin setup", () => {
  it("is open only while no user exists, and creates an admin that can sign in", async () => {
    const db = fresh();
    expect(await setupOpen(db)).toBe(true);
    const result = await createFirstAdmin(db, { username: " Mira.K ", password: PASSWORD });
    expect(result).toMatchObject({ ok: true, user: { username: "mira.k", role: "admin" } });
    expect(await setupOpen(db)).toBe(false);
    expect(await authenticate(db, "MIRA.K", PASSWORD)).toMatchObject({ username: "mira.k", role: "admin" });
    expect(await createFirstAdmin(db, { username: "intruder", password: PASSWORD })).toEqual({ ok: false, reason: "exists", message: SETUP_CLOSED_MESSAGE });
  });

  it("lets exactly one of two simultaneous setups create an admin", async () => {
    const db = fresh();
    const results = await Promise.all([
      createFirstAdmin(db, { username: "first", password: PASSWORD }),
      createFirstAdmin(db, { username: "second", password: PASSWORD }),
      createFirstAdmin(db, { username: "third", password: PASSWORD }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "exists")).toHaveLength(2);
    expect(await db.user.count()).toBe(1);
  });

  it("is closed once any user exists, even a viewer created from the shell", async () => {
    const db = fresh();
    await createUser(db, { username: "viewer1", password: PASSWORD, role: "viewer" });
    expect(await setupOpen(db)).toBe(false);
    expect((await createFirstAdmin(db, { username: "admin", password: PASSWORD })).ok).toBe(false);
  });
});

describe("users", () => {
  it("refuses a taken username whatever its case", async () => {
    const db = fresh();
    expect((await createUser(db, { username: "ana", password: PASSWORD, role: "editor" })).ok).toBe(true);
    expect(await createUser(db, { username: "ANA", password: PASSWORD, role: "viewer" })).toEqual({ ok: false, field: "username", message: "The username ana is taken." });
    expect(await createUser(db, { username: "a b", password: PASSWORD, role: "viewer" })).toMatchObject({ ok: false, field: "username" });
  });

  it("refuses a username that is personal data (it is readable by design and named on A/B decisions), so the PII audit stays clean", async () => {
    const db = fresh();
    const refused = async (username: string) => {
      const result = await createUser(db, { username, password: PASSWORD, role: "viewer" });
      expect(result, username).toMatchObject({ ok: false, field: "username" });
      return result.ok ? "" : result.message;
    };
    expect(await refused("jane.doe@example.com")).toMatch(/not an e-mail address/);
    expect(await refused("192.168.10.20")).toMatch(/must not be personal data or a secret \(this one reads as ipv4\)/);
    expect(await refused("4111111111111111")).toMatch(/reads as credit card/);
    expect((await createUser(db, { username: "jane.doe", password: PASSWORD, role: "viewer" })).ok).toBe(true);
    const report = await auditPii(db);
    expect(report.hits).toEqual([]);
  });

  it("signs in with one refusal for an unknown user, a wrong password and a disabled account", async () => {
    const db = fresh();
    const created = await createUser(db, { username: "ana", password: PASSWORD, role: "editor" });
    await createUser(db, { username: "boss", password: PASSWORD, role: "admin" });
    expect(await authenticate(db, "nobody", PASSWORD)).toBeNull();
    expect(await authenticate(db, "ana", `${PASSWORD}!`)).toBeNull();
    if (!created.ok) throw new Error("setup");
    expect(await disableUser(db, created.user.id)).toEqual({ ok: true });
    expect(await authenticate(db, "ana", PASSWORD)).toBeNull();
    expect(await enableUser(db, created.user.id)).toEqual({ ok: true });
    expect(await authenticate(db, "ana", PASSWORD)).toMatchObject({ username: "ana" });
  });

  it("never demotes or disables the last active admin, and allows it once another admin exists", async () => {
    const db = fresh();
    const admin = await createFirstAdmin(db, { username: "root", password: PASSWORD });
    if (!admin.ok) throw new Error("setup");
    const id = admin.user.id;
    expect(await changeUserRole(db, id, "editor")).toEqual({ ok: false, reason: "last_admin", message: LAST_ADMIN_MESSAGE });
    expect(await disableUser(db, id)).toEqual({ ok: false, reason: "last_admin", message: LAST_ADMIN_MESSAGE });
    // A disabled admin does not count as the remaining one.
    const other = await createUser(db, { username: "second", password: PASSWORD, role: "admin" });
    if (!other.ok) throw new Error("setup");
    expect(await disableUser(db, other.user.id)).toEqual({ ok: true });
    expect((await changeUserRole(db, id, "viewer")).ok).toBe(false);
    await enableUser(db, other.user.id);
    expect(await changeUserRole(db, id, "viewer")).toEqual({ ok: true });
    expect((await listUsers(db)).map((u) => [u.username, u.role])).toEqual([
      ["root", "viewer"],
      ["second", "admin"],
    ]);
    // Now `second` is the last admin.
    expect((await disableUser(db, other.user.id)).ok).toBe(false);
    expect(await changeUserRole(db, "missing", "admin")).toMatchObject({ ok: false, reason: "not_found" });
  });

  it("are not demo data: seeding ignores them and resetting the demo data keeps them", async () => {
    const db = fresh();
    await createFirstAdmin(db, { username: "root", password: PASSWORD });
    expect(nonEmptyDataTables(temp.sqlite)).toEqual([]);
    seedDatabase(temp.sqlite, { size: "small", seed: 1, anchor: "2026-11-01T00:00:00.000Z", key: Buffer.alloc(32, 7) });
    resetDatabase(temp.sqlite);
    expect(await db.user.count()).toBe(1);
  });
});
