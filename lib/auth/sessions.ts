import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client";
import type { Role } from "./roles";
import { randomToken, sha256Hex } from "./tokens";

/** A session lasts a working week from sign-in; signing out or disabling the account ends it sooner. */
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reading pages does not turn every request into a write. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

export type SessionUser = { id: string; username: string; role: Role; sessionId: string };

/** Starts a session; the token goes in the cookie, only its SHA-256 in the database. */
export async function createSession(db: PrismaClient, userId: string, now: Date = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  const created = now.toISOString();
  await db.userSession.create({
    data: { id: randomUUID(), tokenHash: sha256Hex(token), userId, createdAt: created, lastSeenAt: created, expiresAt: expiresAt.toISOString() },
  });
  // Expired sessions are swept whenever someone signs in: the table stays small without a scheduler.
  await db.userSession.deleteMany({ where: { expiresAt: { lte: created } } });
  return { token, expiresAt };
}

/** The signed-in user of a session token, or null when it is unknown, expired, or its account disabled. */
export async function userOfSession(db: PrismaClient, token: string | undefined, now: Date = new Date()): Promise<SessionUser | null> {
  if (!token) return null;
  const session = await db.userSession.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: { id: true, expiresAt: true, lastSeenAt: true, user: { select: { id: true, username: true, role: true, disabledAt: true } } },
  });
  const nowIso = now.toISOString();
  if (!session || session.expiresAt <= nowIso || session.user.disabledAt !== null) return null;
  if (now.getTime() - Date.parse(session.lastSeenAt) >= LAST_SEEN_RESOLUTION_MS) {
    await db.userSession.updateMany({ where: { id: session.id }, data: { lastSeenAt: nowIso } });
  }
  return { id: session.user.id, username: session.user.username, role: session.user.role as Role, sessionId: session.id };
}

/** Signing out deletes the session row: the cookie is worthless afterwards even if someone copied it. */
export async function deleteSession(db: PrismaClient, token: string | undefined): Promise<void> {
  if (!token) return;
  await db.userSession.deleteMany({ where: { tokenHash: sha256Hex(token) } });
}

