"use client";

import { useActionState } from "react";
import { createUserAction, type UserField } from "@/app/settings/actions";
import { Field } from "@/components/runs/register/field";
import formStyles from "@/components/runs/register/register.module.css";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import type { AuthFormState } from "@/lib/auth/schema";
import styles from "./settings.module.css";

const FIELDS = ["username", "password", "role"] as const;
const LABELS: Record<UserField, string> = { username: "Username", password: "Initial password", role: "Role" };

export function CreateUserForm() {
  const [state, formAction, pending] = useActionState<AuthFormState<UserField>, FormData>(createUserAction, null);
  const errors = (field: UserField) => state?.fieldErrors[field];
  const values = state && !state.ok ? state.values : {};
  return (
    <form action={formAction} noValidate className={styles.stack} aria-busy={pending} data-testid="create-user-form">
      {state && !state.ok && <FormErrorSummary state={state} fields={FIELDS} labels={LABELS} prefix="user" />}
      {state?.ok && (
        <p className={styles.success} role="status" data-testid="create-user-done">
          {state.message}
        </p>
      )}
      <div className={formStyles.grid}>
        <Field name="username" prefix="user" label={LABELS.username} errors={errors("username")}>
          {(props) => <input {...props} className={formStyles.input} type="text" autoComplete="off" autoCapitalize="none" spellCheck={false} defaultValue={values.username ?? ""} />}
        </Field>
        <Field name="password" prefix="user" label={LABELS.password} errors={errors("password")} hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}>
          {(props) => <input {...props} className={formStyles.input} type="password" autoComplete="new-password" />}
        </Field>
        <Field name="role" prefix="user" label={LABELS.role} errors={errors("role")} hint="Viewers read; editors also register runs, label predictions and decide A/B tests; admins also manage users and keys.">
          {(props) => (
            <select {...props} className={formStyles.input} defaultValue={values.role || "viewer"}>
              <option value="viewer">viewer</option>
              <option value="editor">editor</option>
              <option value="admin">admin</option>
            </select>
          )}
        </Field>
      </div>
      <div>
        <button type="submit" className={formStyles.submit} disabled={pending} data-testid="create-user-submit">
          {pending ? "Creating…" : "Create user"}
        </button>
      </div>
    </form>
  );
}
