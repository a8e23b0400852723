import type { PrismaClient } from "@/lib/db/client";
import { decoyPasswordHash, verifyPassword } from "./password";
import type { Role } from "./roles";
import { normalizeUsername } from "./users";

export const SIGN_IN_REFUSED = "That username and password do not match an active account.";

/**
 * The account for a username and password, or null. One message for every refusal (unknown user, wrong
 * password, disabled account) and the same scrypt work for each, so neither the answer nor its timing tells
 * an attacker which usernames exist.
 */
export async function authenticate(db: PrismaClient, username: string, password: string): Promise<{ id: string; username: string; role: Role } | null> {
  const user = await db.user.findUnique({ where: { username: normalizeUsername(username) } });
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !matches || user.disabledAt !== null) return null;
  return { id: user.id, username: user.username, role: user.role as Role };
}
