import "server-only";
import { redirect } from "next/navigation";
import { authEnabled } from "./auth-mode";
import { currentUser } from "./current-user";
import { roleAllows, type Role } from "./roles";

/** Who a server action or page acts for. `username` is null with RALL_AUTH off: nobody is signed in. */
export type Actor = { userId: string | null; username: string | null; role: Role };

/** A refused action: 401 when nobody is signed in, 403 when the role is too small. Shown in the form like any refusal. */
export type Refusal = { ok: false; status: 401 | 403; message: string };

export const ROLE_NAMES: Record<Role, string> = { viewer: "viewers", editor: "editors", admin: "admins" };

/** RALL_AUTH off: the dashboard is a local tool and acts as an admin (the API still asks for keys to write). */
const LOCAL_ACTOR: Actor = { userId: null, username: null, role: "admin" };

/**
 * The role check every server action starts with (a test lists the actions that do not). The proxy refuses
 * anonymous and viewer POSTs before they get here; this is the check that does not depend on it.
 */
export async function authorize(needed: Role): Promise<{ ok: true; actor: Actor } | Refusal> {
  if (!authEnabled()) return { ok: true, actor: LOCAL_ACTOR };
  const user = await currentUser();
  if (!user) return { ok: false, status: 401, message: "Your session has ended: sign in again, then retry. Nothing was changed." };
  if (!roleAllows(user.role, needed)) {
    return { ok: false, status: 403, message: `Only ${ROLE_NAMES[needed]} can do this; you are signed in as a ${user.role}. Nothing was changed.` };
  }
  return { ok: true, actor: { userId: user.id, username: user.username, role: user.role } };
}

/**
 * The check every page starts with: anonymous visitors go to the sign-in page (the proxy already sent most of
 * them there on the cookie alone; this catches a stale or forged cookie). Returns who is looking.
 */
export async function requireViewer(): Promise<Actor> {
  if (!authEnabled()) return LOCAL_ACTOR;
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return { userId: user.id, username: user.username, role: user.role };
}

/** Whether the actor may use the write forms of a page (so they are hidden from viewers rather than refused on submit). */
export const canWrite = (actor: Actor) => roleAllows(actor.role, "editor");
