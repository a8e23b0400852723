import { createPrismaClient } from "@/lib/db/client";
import { createSession } from "@/lib/auth/sessions";
import { createUser } from "@/lib/auth/users";
import { E2E_USERS } from "./users";

// Run by global setup with tsx (DATABASE_URL = the seeded e2e database): creates one user per role through the
// app's own lib/auth, signs each in, and prints {role: {token, expires}} for the storage states.
const db = createPrismaClient();
const sessions: Record<string, { token: string; expires: number }> = {};
for (const [role, account] of Object.entries(E2E_USERS)) {
  const created = await createUser(db, { ...account, role: role as keyof typeof E2E_USERS });
  if (!created.ok) throw new Error(created.message);
  const { token, expiresAt } = await createSession(db, created.user.id);
  sessions[role] = { token, expires: Math.floor(expiresAt.getTime() / 1000) };
}
await db.$disconnect();
process.stdout.write(JSON.stringify(sessions));
