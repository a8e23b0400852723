"use client";

import { useActionState, useState } from "react";
import { createApiKeyAction, type ApiKeyField, type CreateApiKeyState } from "@/app/settings/actions";
import { Field } from "@/components/runs/register/field";
import formStyles from "@/components/runs/register/register.module.css";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Button } from "@/components/ui/button";
import { API_KEY_NAME_MAX } from "@/lib/auth/api-keys";
import styles from "./settings.module.css";

const FIELDS = ["name", "scope"] as const;
const LABELS: Record<ApiKeyField, string> = { name: "Name", scope: "Scope" };

/** The new key, shown once with a copy button; leaving the page loses it for good. */
function NewKey({ message, apiKey }: { message: string; apiKey: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className={styles.success} role="status" data-testid="new-key">
      <p className={styles.message}>{message}</p>
      <div className={styles.secret}>
        <code className={styles.secretValue} data-testid="new-key-value">
          {apiKey}
        </code>
        <Button
          onClick={async () => {
            await navigator.clipboard.writeText(apiKey);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}

export function CreateApiKeyForm() {
  const [state, formAction, pending] = useActionState<CreateApiKeyState, FormData>(createApiKeyAction, null);
  const errors = (field: ApiKeyField) => (state && !state.ok ? state.fieldErrors[field] : undefined);
  return (
    <form action={formAction} noValidate className={styles.stack} aria-busy={pending} data-testid="create-key-form">
      {state && !state.ok && <FormErrorSummary state={state} fields={FIELDS} labels={LABELS} prefix="key" />}
      {state?.ok && state.key && <NewKey key={state.key} message={state.message} apiKey={state.key} />}
      <div className={styles.formRow}>
        <Field name="name" prefix="key" label={LABELS.name} errors={errors("name")} hint="What uses the key, such as training-pipeline or ci-export.">
          {(props) => <input {...props} className={formStyles.input} type="text" maxLength={API_KEY_NAME_MAX} defaultValue={state && !state.ok ? state.values.name : ""} />}
        </Field>
        <Field name="scope" prefix="key" label={LABELS.scope} errors={errors("scope")} hint="read ⊂ write ⊂ admin">
          {(props) => (
            <select {...props} className={formStyles.input} defaultValue={(state && !state.ok && state.values.scope) || "read"}>
              <option value="read">read: export and query</option>
              <option value="write">write: also register and ingest</option>
              <option value="admin">admin: everything</option>
            </select>
          )}
        </Field>
        <button type="submit" className={formStyles.submit} disabled={pending} data-testid="create-key-submit">
          {pending ? "Creating…" : "Create key"}
        </button>
      </div>
    </form>
  );
}
