import { afterEach, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { createSession, deleteSession, LAST_SEEN_RESOLUTION_MS, SESSION_TTL_MS, userOfSession } from "./sessions";
import { sha256Hex } from "./tokens";
import { createUser, disableUser } from "./users";

let temp: TempDatabase;
afterEach(async () => {
  await temp?.close();
});

async function withUser(role: "viewer" | "editor" | "admin" = "editor") {
  temp = createTempDatabase();
  const db = temp.prisma();
  await createUser(db, { username: "boss", password: "correct horse battery staple", role: "admin" });
  const user = await createUser(db, { username: "ana", password: "correct horse battery staple", role });
  if (!user.ok) throw new Error("setup");
  return { db, userId: user.user.id };
}

const T0 = new Date("2026-11-20T10:00:00.000Z");
const later = (ms: number) => new Date(T0.getTime() + ms);

describe("sessions", () => {
  it("resolve their token to the user and role, storing only the token's SHA-256", async () => {
    const { db, userId } = await withUser("viewer");
    const { token, expiresAt } = await createSession(db, userId, T0);
    expect(expiresAt.toISOString()).toBe("2026-11-27T10:00:00.000Z");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.userSession.findFirstOrThrow({ where: { userId } });
    expect(row.tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await userOfSession(db, token, later(1000))).toMatchObject({ id: userId, username: "ana", role: "viewer" });
    expect(await userOfSession(db, `${token}x`, later(1000))).toBeNull();
    expect(await userOfSession(db, undefined)).toBeNull();
  });

  it("expire after the TTL", async () => {
    const { db, userId } = await withUser();
    const { token } = await createSession(db, userId, T0);
    expect(await userOfSession(db, token, later(SESSION_TTL_MS - 1))).not.toBeNull();
    expect(await userOfSession(db, token, later(SESSION_TTL_MS))).toBeNull();
  });

  it("end when signing out deletes them, and when the account is disabled", async () => {
    const { db, userId } = await withUser();
    const one = await createSession(db, userId, T0);
    const two = await createSession(db, userId, T0);
    await deleteSession(db, one.token);
    expect(await userOfSession(db, one.token, later(1))).toBeNull();
    expect(await userOfSession(db, two.token, later(1))).not.toBeNull();
    await disableUser(db, userId);
    expect(await userOfSession(db, two.token, later(2))).toBeNull();
    expect(await db.userSession.count({ where: { userId } })).toBe(0);
  });

  it("record last-seen at most once a minute", async () => {
    const { db, userId } = await withUser();
    const { token } = await createSession(db, userId, T0);
    const lastSeen = async () => (await db.userSession.findFirstOrThrow({ where: { userId } })).lastSeenAt;
    await userOfSession(db, token, later(LAST_SEEN_RESOLUTION_MS - 1));
    expect(await lastSeen()).toBe(T0.toISOString());
    await userOfSession(db, token, later(LAST_SEEN_RESOLUTION_MS));
    expect(await lastSeen()).toBe(later(LAST_SEEN_RESOLUTION_MS).toISOString());
  });

  it("are swept once expired, when anyone signs in", async () => {
    const { db, userId } = await withUser();
    await createSession(db, userId, T0);
    await createSession(db, userId, later(SESSION_TTL_MS + 1));
    expect(await db.userSession.count()).toBe(1);
  });
});
