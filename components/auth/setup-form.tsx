"use client";

import { useActionState } from "react";
import { setupFirstAdminAction, type SetupField } from "@/app/setup/actions";
import { Field } from "@/components/runs/register/field";
import formStyles from "@/components/runs/register/register.module.css";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import type { AuthFormState } from "@/lib/auth/schema";
import styles from "./auth.module.css";

const FIELDS = ["username", "password", "confirm"] as const;
const LABELS: Record<SetupField, string> = { username: "Username", password: "Password", confirm: "Password again" };

export function SetupForm() {
  const [state, formAction, pending] = useActionState<AuthFormState<SetupField>, FormData>(setupFirstAdminAction, null);
  const errors = (field: SetupField) => state?.fieldErrors[field];
  return (
    <form action={formAction} noValidate className={styles.form} aria-busy={pending}>
      {state && !state.ok && <FormErrorSummary state={state} fields={FIELDS} labels={LABELS} prefix="setup" />}
      <Field name="username" prefix="setup" label={LABELS.username} errors={errors("username")} hint="Your sign-in name, shown on the A/B decisions you record: letters, digits, dots, hyphens or underscores (not an e-mail address).">
        {(props) => <input {...props} className={formStyles.input} type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus defaultValue={state?.values.username ?? ""} />}
      </Field>
      <Field name="password" prefix="setup" label={LABELS.password} errors={errors("password")} hint={`At least ${PASSWORD_MIN_LENGTH} characters; a passphrase is easiest.`}>
        {(props) => <input {...props} className={formStyles.input} type="password" autoComplete="new-password" minLength={PASSWORD_MIN_LENGTH} />}
      </Field>
      <Field name="confirm" prefix="setup" label={LABELS.confirm} errors={errors("confirm")}>
        {(props) => <input {...props} className={formStyles.input} type="password" autoComplete="new-password" />}
      </Field>
      <button type="submit" className={formStyles.submit} disabled={pending} data-testid="setup-submit">
        {pending ? "Creating…" : "Create admin and sign in"}
      </button>
    </form>
  );
}
