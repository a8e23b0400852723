"use server";

import { revalidatePath } from "next/cache";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { authorize } from "@/lib/auth/guard";
import { isRole } from "@/lib/auth/roles";
import { createApiKeySchema, createUserSchema, parseAuthForm, type AuthFormState } from "@/lib/auth/schema";
import { changeUserRole, createUser, disableUser, enableUser } from "@/lib/auth/users";
import { db } from "@/lib/db";

export type ApiKeyField = "name" | "scope";
/** On success the full key, shown once: it is not stored anywhere it could be read again. */
export type CreateApiKeyState = (NonNullable<AuthFormState<ApiKeyField>> & { key?: string }) | null;
export type UserField = "username" | "password" | "role";
export type SettingsActionState = { ok: boolean; message: string } | null;

/** Creates an API key (admins only) and hands it back this once. */
export async function createApiKeyAction(_previous: CreateApiKeyState, formData: FormData): Promise<CreateApiKeyState> {
  const access = await authorize("admin");
  const parsed = parseAuthForm(createApiKeySchema, ["name", "scope"], formData);
  if (!access.ok) return { ok: false, message: access.message, fieldErrors: {}, values: parsed.values };
  if (!parsed.ok) return parsed;
  const { key, summary } = await createApiKey(db, { ...parsed.data, createdBy: access.actor.userId });
  revalidatePath("/settings/api-keys");
  return { ok: true, message: `Created ${summary.name} (${summary.scope}). Copy the key now: it is not shown again.`, fieldErrors: {}, values: {}, key };
}

export async function revokeApiKeyAction(id: string): Promise<SettingsActionState> {
  const access = await authorize("admin");
  if (!access.ok) return { ok: false, message: access.message };
  if (!(await revokeApiKey(db, id))) return { ok: false, message: "That key no longer exists." };
  revalidatePath("/settings/api-keys");
  return { ok: true, message: "Revoked: requests with this key are refused from now on." };
}

export async function createUserAction(_previous: AuthFormState<UserField>, formData: FormData): Promise<AuthFormState<UserField>> {
  const access = await authorize("admin");
  const parsed = parseAuthForm(createUserSchema, ["username", "password", "role"], formData);
  if (!access.ok) return { ok: false, message: access.message, fieldErrors: {}, values: parsed.values };
  if (!parsed.ok) return parsed;
  const result = await createUser(db, parsed.data);
  if (!result.ok) return { ok: false, message: "Fix the field below.", fieldErrors: { username: [result.message] }, values: parsed.values };
  revalidatePath("/settings/users");
  return { ok: true, message: `Created ${result.user.username} as ${result.user.role}. Give them their password through a private channel.`, fieldErrors: {}, values: {} };
}

export async function changeUserRoleAction(id: string, _previous: SettingsActionState, formData: FormData): Promise<SettingsActionState> {
  const access = await authorize("admin");
  if (!access.ok) return { ok: false, message: access.message };
  const role = formData.get("role");
  if (!isRole(role)) return { ok: false, message: "Choose viewer, editor or admin." };
  const result = await changeUserRole(db, id, role);
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath("/settings/users");
  return { ok: true, message: `Role changed to ${role}.` };
}

/** Disables an account (signing it out everywhere) or enables it again; the last active admin cannot be disabled. */
export async function setUserDisabledAction(id: string, disabled: boolean): Promise<SettingsActionState> {
  const access = await authorize("admin");
  if (!access.ok) return { ok: false, message: access.message };
  const result = disabled ? await disableUser(db, id) : await enableUser(db, id);
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath("/settings/users");
  return { ok: true, message: disabled ? "Disabled and signed out everywhere." : "Enabled: they can sign in again." };
}
