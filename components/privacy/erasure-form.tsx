"use client";

import { useActionState } from "react";
import { eraseAction, type ErasureState } from "@/app/privacy/actions";
import { Field } from "@/components/runs/register/field";
import styles from "@/components/runs/register/register.module.css";
import { formatCount } from "@/lib/format";
import local from "./privacy.module.css";
import panel from "@/components/ui/panel.module.css";

const EMPTY = { scope: "session", id: "", confirm: "" };

/** Erasure of a session or a subject, and the access export of the same data. */
export function ErasureForm() {
  const [state, formAction, pending] = useActionState<ErasureState, FormData>(eraseAction, null);
  const values = state?.values ?? EMPTY;
  const errors = (field: "scope" | "id" | "confirm") => (state && !state.ok ? state.fieldErrors[field] : undefined);
  return (
    <form action={formAction} noValidate className={styles.form} aria-busy={pending} data-testid="erasure-form">
      <div className={panel.grid}>
        <Field name="scope" prefix="erase" label="Erase" errors={errors("scope")}>
          {(props) => (
            <select {...props} className={styles.input} defaultValue={values.scope} key={`scope-${values.scope}`}>
              <option value="session">One session</option>
              <option value="subject">Everything of one subject</option>
            </select>
          )}
        </Field>
        <Field name="id" prefix="erase" label="Session id or subject hash" errors={errors("id")} hint="A session's id, or the 64-character subject_id of its subject.">
          {(props) => <input {...props} className={styles.input} type="text" autoComplete="off" spellCheck={false} defaultValue={values.id} key={`id-${values.id}`} />}
        </Field>
        <Field name="confirm" prefix="erase" label='Type "erase" to confirm' errors={errors("confirm")} hint="Deletes queries, feedback, tool usage, traces, feature vectors, predictions and their redaction log, in one transaction.">
          {(props) => <input {...props} className={styles.input} type="text" autoComplete="off" defaultValue="" key={`confirm-${state?.message ?? ""}`} />}
        </Field>
      </div>
      <div className={styles.actions}>
        <button type="submit" className={styles.submit} disabled={pending} data-testid="erasure-submit">
          {pending ? "Erasing…" : "Erase"}
        </button>
        <button type="submit" formAction="/privacy/access" formMethod="get" formNoValidate className={local.secondaryButton} data-testid="access-submit">
          Download access export (JSON)
        </button>
      </div>
      <div role="status" data-testid="erasure-status" className={state?.ok === false ? panel.error : local.success}>
        {state?.message}
        {state?.ok && state.rowsDeleted && (
          <ul className={local.counts}>
            {Object.entries(state.rowsDeleted)
              .filter(([, n]) => n > 0)
              .map(([table, n]) => (
                <li key={table}>
                  {table}: <span className="num">{formatCount(n)}</span>
                </li>
              ))}
          </ul>
        )}
      </div>
    </form>
  );
}
