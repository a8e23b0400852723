import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client";
import { isoNow } from "@/lib/time";
import { hashPassword } from "./password";
import { normalizeUsername, usernameProblem, type UserSummary } from "./users";

export type FirstAdminResult = { ok: true; user: UserSummary } | { ok: false; reason: "exists" | "username"; message: string };

export const SETUP_CLOSED_MESSAGE = "An account already exists, so setup is closed. Sign in, or ask an admin for an account.";

/** Whether the one-time setup page is open: only while the database has no user at all. */
export async function setupOpen(db: PrismaClient): Promise<boolean> {
  return (await db.user.count()) === 0;
}

/**
 * Creates the first admin, only while no user exists. The check and the insert are one SQL statement, so two
 * setups racing each other cannot both create an admin: the second inserts nothing and is told setup is closed.
 */
export async function createFirstAdmin(db: PrismaClient, input: { username: string; password: string }): Promise<FirstAdminResult> {
  const username = normalizeUsername(input.username);
  const problem = usernameProblem(username);
  if (problem) return { ok: false, reason: "username", message: problem };
  const passwordHash = await hashPassword(input.password);
  const id = randomUUID();
  const createdAt = isoNow();
  const inserted = await db.$executeRaw`INSERT INTO users (id, username, role, password_hash, created_at)
    SELECT ${id}, ${username}, 'admin', ${passwordHash}, ${createdAt} WHERE NOT EXISTS (SELECT 1 FROM users)`;
  if (inserted !== 1) return { ok: false, reason: "exists", message: SETUP_CLOSED_MESSAGE };
  return { ok: true, user: { id, username, role: "admin", createdAt, disabledAt: null } };
}
