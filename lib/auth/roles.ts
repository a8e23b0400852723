import type { ApiScope } from "@/lib/api/v1-handler";

/** Dashboard roles, weakest first: viewers read, editors also write (runs, A/B tests, labels), admins also manage people and keys. */
export const ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** API key scopes, weakest first; each includes the ones before it. */
export const SCOPES = ["read", "write", "admin"] as const;

export const isRole = (value: unknown): value is Role => typeof value === "string" && (ROLES as readonly string[]).includes(value);
export const isScope = (value: unknown): value is ApiScope => typeof value === "string" && (SCOPES as readonly string[]).includes(value);

export const roleAllows = (held: Role, needed: Role) => ROLES.indexOf(held) >= ROLES.indexOf(needed);
export const scopeAllows = (held: ApiScope, needed: ApiScope) => SCOPES.indexOf(held) >= SCOPES.indexOf(needed);

/** What a signed-in user may do through the API, so the browser's own downloads work with the session. */
export const ROLE_SCOPE: Record<Role, ApiScope> = { viewer: "read", editor: "write", admin: "admin" };
/** The role a page or action needs for an API scope. */
export const SCOPE_ROLE: Record<ApiScope, Role> = { read: "viewer", write: "editor", admin: "admin" };
