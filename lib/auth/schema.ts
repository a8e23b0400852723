/** What the sign-in, setup, user and API-key forms accept: one definition for the forms, the actions and the CLIs. */
import { z } from "zod";
import { apiKeyNameProblem } from "./api-keys";
import { passwordProblem } from "./password";
import { ROLES, SCOPES } from "./roles";
import { normalizeUsername, usernameProblem } from "./users";

export type AuthFormState<Field extends string> = {
  ok: boolean;
  message: string;
  fieldErrors: Partial<Record<Field, string[]>>;
  values: Partial<Record<Field, string>>;
} | null;

const text = z.string().catch("");
const username = text.transform((raw, ctx) => {
  const value = normalizeUsername(raw);
  const problem = usernameProblem(value);
  if (problem) ctx.addIssue(problem);
  return value;
});

/** A new password, checked for length and the obvious, and that it does not contain the username. */
const newPassword = <T extends { username?: string; password: string }>(schema: z.ZodType<T>) =>
  schema.superRefine((value, ctx) => {
    const problem = passwordProblem(value.password, value.username);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export const signInSchema = z.object({
  username: text.transform((raw) => normalizeUsername(raw)).pipe(z.string().min(1, "Enter your username.")),
  password: text.pipe(z.string().min(1, "Enter your password.")),
  next: text,
});

export const setupSchema = newPassword(
  z.object({ username, password: text, confirm: text }).refine((value) => value.password === value.confirm, { path: ["confirm"], message: "The two passwords differ." }),
);

export const createUserSchema = newPassword(z.object({ username, password: text, role: z.enum(ROLES, { error: "Choose a role." }) }));

export const createApiKeySchema = z.object({
  name: text.superRefine((value, ctx) => {
    const problem = apiKeyNameProblem(value);
    if (problem) ctx.addIssue(problem);
  }),
  scope: z.enum(SCOPES, { error: "Choose a scope: read, write or admin." }),
});

const FIELD_MESSAGE = (count: number) => (count === 1 ? "Fix the field below." : `Fix the ${count} fields below.`);

/** Parses a form: the typed values (passwords never echoed back), and on failure each field's messages. */
export function parseAuthForm<Output, Field extends string>(schema: z.ZodType<Output>, fields: readonly Field[], formData: FormData) {
  const raw = Object.fromEntries(fields.map((field) => [field, typeof formData.get(field) === "string" ? (formData.get(field) as string) : ""])) as Record<Field, string>;
  const values = Object.fromEntries(Object.entries(raw).filter(([field]) => !["password", "confirm"].includes(field))) as Partial<Record<Field, string>>;
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true as const, data: result.data, values };
  const fieldErrors: Partial<Record<Field, string[]>> = {};
  for (const issue of result.error.issues) (fieldErrors[issue.path[0] as Field] ??= []).push(issue.message);
  return { ok: false as const, message: FIELD_MESSAGE(Object.keys(fieldErrors).length), fieldErrors, values };
}

/** Where to go after signing in: only a path on this site, so a crafted link cannot send someone elsewhere. */
export function safeNextPath(next: string): string {
  return /^\/(?![/\\])/.test(next) && !next.startsWith("/sign-in") && !next.startsWith("/setup") ? next : "/";
}
