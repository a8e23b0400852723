"use client";

import { useActionState } from "react";
import { signInAction, type SignInField } from "@/app/sign-in/actions";
import { Field } from "@/components/runs/register/field";
import formStyles from "@/components/runs/register/register.module.css";
import type { AuthFormState } from "@/lib/auth/schema";
import styles from "./auth.module.css";

export function SignInForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState<AuthFormState<SignInField>, FormData>(signInAction, null);
  const errors = (field: SignInField) => state?.fieldErrors[field];
  return (
    <form action={formAction} noValidate className={styles.form} aria-busy={pending}>
      {state && !state.ok && (
        <p role="alert" className={formStyles.summary} data-testid="form-error">
          {state.message}
        </p>
      )}
      <input type="hidden" name="next" value={next} />
      <Field name="username" prefix="sign-in" label="Username" errors={errors("username")}>
        {(props) => <input {...props} className={formStyles.input} type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus defaultValue={state?.values.username ?? ""} />}
      </Field>
      <Field name="password" prefix="sign-in" label="Password" errors={errors("password")}>
        {(props) => <input {...props} className={formStyles.input} type="password" autoComplete="current-password" />}
      </Field>
      <button type="submit" className={formStyles.submit} disabled={pending} data-testid="sign-in-submit">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
