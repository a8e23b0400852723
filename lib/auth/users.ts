import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client";
import { scrubPii } from "@/lib/privacy/scrub-pii";
import { isoNow } from "@/lib/time";
import { hashPassword } from "./password";
import type { Role } from "./roles";

export type UserSummary = { id: string; username: string; role: Role; createdAt: string; disabledAt: string | null };

type UserRow = { id: string; username: string; role: string; createdAt: string; disabledAt: string | null };
const toSummary = (row: UserRow): UserSummary => ({ ...row, role: row.role as Role });
const SUMMARY = { id: true, username: true, role: true, createdAt: true, disabledAt: true } as const;

/** Sign-in names are compared lower-cased and trimmed, so "Mira.K " and "mira.k" are one account. */
export const normalizeUsername = (raw: string) => raw.trim().toLowerCase();

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;

/**
 * A sign-in name is shown on the A/B decisions its user records and is readable by design, so it must not be
 * personal data: no e-mail address (the characters of one are refused) nor anything else the scrubber detects
 * (a phone number, a card number …), which the PII audit would rightly report.
 */
export function usernameProblem(username: string): string | null {
  if (username === "") return "Enter a username.";
  if (!USERNAME.test(username)) return "A username is 2 to 63 letters, digits, dots, hyphens or underscores, starting with a letter or digit (not an e-mail address).";
  const [finding] = scrubPii(username).findings;
  if (finding) return `A username must not be personal data or a secret (this one reads as ${finding.category.replaceAll("_", " ")}): it is shown on A/B decisions. Use a name such as jdoe.`;
  return null;
}

export async function countUsers(db: PrismaClient): Promise<number> {
  return db.user.count();
}

export async function listUsers(db: PrismaClient): Promise<UserSummary[]> {
  const rows = await db.user.findMany({ select: SUMMARY, orderBy: { username: "asc" } });
  return rows.map(toSummary);
}

export type CreateUserResult = { ok: true; user: UserSummary } | { ok: false; field: "username"; message: string };

/** A new account; the caller has checked the password's strength (lib/auth/password.ts passwordProblem). */
export async function createUser(db: PrismaClient, input: { username: string; password: string; role: Role }): Promise<CreateUserResult> {
  const username = normalizeUsername(input.username);
  const problem = usernameProblem(username);
  if (problem) return { ok: false, field: "username", message: problem };
  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { username }, select: { id: true } });
  if (existing) return { ok: false, field: "username", message: `The username ${username} is taken.` };
  try {
    const row = await db.user.create({ data: { id: randomUUID(), username, role: input.role, passwordHash, createdAt: isoNow() }, select: SUMMARY });
    return { ok: true, user: toSummary(row) };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return { ok: false, field: "username", message: `The username ${username} is taken.` };
    throw error;
  }
}

export const LAST_ADMIN_MESSAGE = "This is the last active admin: make someone else an admin first, or nobody could manage users and keys.";

export type UserChangeResult = { ok: true } | { ok: false; reason: "not_found" | "last_admin"; message: string };

/**
 * Changes a role or disables an account in one statement that also checks another active admin remains, so two
 * admins demoting each other at the same moment cannot both succeed.
 */
async function changeUnlessLastAdmin(db: PrismaClient, id: string, assignment: { role: Role } | { disabledAt: string }): Promise<UserChangeResult> {
  const keepsAdmin = "role" in assignment && assignment.role === "admin";
  const changed =
    "role" in assignment
      ? await db.$executeRaw`UPDATE users SET role = ${assignment.role} WHERE id = ${id} AND (${keepsAdmin ? 1 : 0} = 1 OR role <> 'admin' OR disabled_at IS NOT NULL
          OR EXISTS (SELECT 1 FROM users AS other WHERE other.role = 'admin' AND other.disabled_at IS NULL AND other.id <> ${id}))`
      : await db.$executeRaw`UPDATE users SET disabled_at = ${assignment.disabledAt} WHERE id = ${id} AND disabled_at IS NULL AND (role <> 'admin'
          OR EXISTS (SELECT 1 FROM users AS other WHERE other.role = 'admin' AND other.disabled_at IS NULL AND other.id <> ${id}))`;
  if (changed === 1) {
    // A disabled account is signed out everywhere at once.
    if ("disabledAt" in assignment) await db.userSession.deleteMany({ where: { userId: id } });
    return { ok: true };
  }
  const user = await db.user.findUnique({ where: { id }, select: { disabledAt: true } });
  if (!user) return { ok: false, reason: "not_found", message: "That user no longer exists." };
  if ("disabledAt" in assignment && user.disabledAt) return { ok: true };
  return { ok: false, reason: "last_admin", message: LAST_ADMIN_MESSAGE };
}

export const changeUserRole = (db: PrismaClient, id: string, role: Role) => changeUnlessLastAdmin(db, id, { role });
export const disableUser = (db: PrismaClient, id: string) => changeUnlessLastAdmin(db, id, { disabledAt: isoNow() });

export async function enableUser(db: PrismaClient, id: string): Promise<UserChangeResult> {
  const { count } = await db.user.updateMany({ where: { id }, data: { disabledAt: null } });
  return count === 1 ? { ok: true } : { ok: false, reason: "not_found", message: "That user no longer exists." };
}
