"use client";

import { useActionState } from "react";
import { closeAbTestAction } from "@/app/ab-tests/actions";
import { Field } from "@/components/runs/register/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import formStyles from "@/components/runs/register/register.module.css";
import type { Guardrail } from "@/lib/ab-tests/guardrails";
import { AB_TEST_LIMITS, CLOSE_AB_TEST_FIELDS, type CloseAbTestField, type CloseAbTestFormState } from "@/lib/ab-tests/schema";
import styles from "./ab-tests.module.css";

const LABELS: Record<CloseAbTestField, string> = {
  winner: "Winner",
  decidedBy: "Decided by",
  reason: "Reason",
  override: "Override",
  overrideReason: "Why decide despite the warnings",
  mdePoints: "Minimum detectable effect",
};

type Props = {
  testId: string;
  versions: { a: string; b: string };
  guardrails: Guardrail[];
  mdePoints: number;
  /** The signed-in user the decision is recorded for; null with RALL_AUTH off, when the form asks for a name. */
  decidedBy: string | null;
};

/**
 * Closes the test with a decision. When guardrails apply, the form says which and asks for the override and a
 * written reason; the server checks the same rules again, so the form is a guide, not the gate.
 */
export function CloseAbTestForm({ testId, versions, guardrails, mdePoints, decidedBy }: Props) {
  const [state, formAction, pending] = useActionState<CloseAbTestFormState | null, FormData>(closeAbTestAction.bind(null, testId), null);
  const values = state?.values;
  const errors = (field: CloseAbTestField) => state?.fieldErrors[field];
  const options = [
    { value: "B", label: `B wins (${versions.b})` },
    { value: "A", label: `A wins (${versions.a})` },
    { value: "tie", label: "Tie: no version is better" },
  ];
  return (
    <form action={formAction} noValidate className={styles.closeForm} aria-busy={pending} data-testid="close-form">
      {state && <FormErrorSummary state={state} fields={CLOSE_AB_TEST_FIELDS} labels={LABELS} prefix="close" />}
      <input type="hidden" name="mdePoints" value={mdePoints} />
      <fieldset className={styles.radioGroup} aria-describedby={errors("winner") ? "close-winner-error" : undefined}>
        <legend className={formStyles.label}>Winner</legend>
        <div className={styles.radios} id="close-winner">
          {options.map((option) => (
            <label key={option.value} className={styles.radio}>
              <input type="radio" name="winner" value={option.value} defaultChecked={values?.winner === option.value} />
              {option.label}
            </label>
          ))}
        </div>
        {errors("winner") && (
          <p id="close-winner-error" className={formStyles.error} data-testid="error-winner">
            {errors("winner")!.join(" ")}
          </p>
        )}
      </fieldset>
      <div className={formStyles.grid}>
        {decidedBy === null ? (
          <Field name="decidedBy" prefix="close" label={LABELS.decidedBy} errors={errors("decidedBy")} hint="Your name or handle, recorded with the decision.">
            {(props) => <input {...props} className={formStyles.input} type="text" autoComplete="name" maxLength={AB_TEST_LIMITS.decidedBy} defaultValue={values?.decidedBy ?? ""} />}
          </Field>
        ) : (
          <p className={formStyles.hint} data-testid="decided-by">
            Recorded as decided by <strong>{decidedBy}</strong>, the signed-in user.
          </p>
        )}
        <Field name="reason" prefix="close" label={LABELS.reason} wide errors={errors("reason")} hint="Why this winner: the evidence and what happens next (roll out B, keep A).">
          {(props) => <textarea {...props} className={`${formStyles.input} ${formStyles.textarea}`} rows={3} maxLength={AB_TEST_LIMITS.reason} defaultValue={values?.reason ?? ""} />}
        </Field>
      </div>
      {guardrails.length > 0 && (
        <div className={styles.override} data-testid="override-section">
          <p className={styles.overrideTitle}>This result has warnings: {guardrails.map((g) => g.title.toLowerCase()).join(", ")}.</p>
          <p className={styles.muted}>Closing now needs an explicit override and a written reason, recorded with the decision.</p>
          <label className={styles.checkbox} id="close-override">
            <input type="checkbox" name="override" defaultChecked={values?.override === "on"} aria-describedby={errors("override") ? "close-override-error" : undefined} />
            Decide despite the warnings
          </label>
          {errors("override") && (
            <p id="close-override-error" className={formStyles.error} data-testid="error-override">
              {errors("override")!.join(" ")}
            </p>
          )}
          <Field name="overrideReason" prefix="close" label={LABELS.overrideReason} errors={errors("overrideReason")}>
            {(props) => <textarea {...props} className={`${formStyles.input} ${formStyles.textarea}`} rows={2} maxLength={AB_TEST_LIMITS.reason} defaultValue={values?.overrideReason ?? ""} />}
          </Field>
        </div>
      )}
      <div className={formStyles.actions}>
        <button type="submit" className={formStyles.submit} disabled={pending} data-testid="close-submit">
          {pending ? "Closing…" : "Close test and record decision"}
        </button>
        <span aria-live="polite">{pending ? "Checking and recording the decision…" : ""}</span>
      </div>
    </form>
  );
}
