"use client";

import Link from "next/link";
import { useActionState } from "react";
import { createAbTestAction } from "@/app/ab-tests/actions";
import { Field } from "@/components/runs/register/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import styles from "@/components/runs/register/register.module.css";
import type { RunOption } from "@/lib/ab-tests/ab-test-detail";
import { AB_TEST_LIMITS, CREATE_AB_TEST_FIELDS, type CreateAbTestField, type CreateAbTestFormState } from "@/lib/ab-tests/schema";

const LABELS: Record<CreateAbTestField, string> = {
  name: "Name",
  variantARunId: "Variant A (control)",
  variantBRunId: "Variant B (candidate)",
  trafficSplit: "Traffic to B (%)",
  startedAt: "Started (UTC)",
  notes: "Hypothesis",
};

const EMPTY: Record<CreateAbTestField, string> = { name: "", variantARunId: "", variantBRunId: "", trafficSplit: "50", startedAt: "", notes: "" };

function VersionSelect({ runs, ...props }: { runs: RunOption[] } & React.ComponentProps<"select">) {
  const types = [...new Set(runs.map((run) => run.modelType))];
  return (
    <select {...props} className={styles.input}>
      <option value="">Choose a model version…</option>
      {types.map((type) => (
        <optgroup key={type} label={type}>
          {runs
            .filter((run) => run.modelType === type)
            .map((run) => (
              <option key={run.id} value={run.id}>
                {type} {run.modelVersion}
              </option>
            ))}
        </optgroup>
      ))}
    </select>
  );
}

/** Starts an A/B test between two versions of one model; the server checks everything and answers beside each field. */
export function CreateAbTestForm({ runs }: { runs: RunOption[] }) {
  const [state, formAction, pending] = useActionState<CreateAbTestFormState | null, FormData>(createAbTestAction, null);
  const values = state?.values ?? EMPTY;
  const errors = (field: CreateAbTestField) => state?.fieldErrors[field];
  return (
    <form action={formAction} noValidate className={styles.form} aria-busy={pending} data-testid="create-ab-test-form">
      {state && <FormErrorSummary state={state} fields={CREATE_AB_TEST_FIELDS} labels={LABELS} prefix="ab" />}
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Test</legend>
        <div className={styles.grid}>
          <Field name="name" prefix="ab" label={LABELS.name} wide errors={errors("name")} hint="Shown in the list and on the decision record.">
            {(props) => <input {...props} className={styles.input} type="text" autoComplete="off" maxLength={AB_TEST_LIMITS.name} placeholder="classifier 2.4.0 vs 2.3.1" defaultValue={values.name} />}
          </Field>
          <Field name="variantARunId" prefix="ab" label={LABELS.variantARunId} errors={errors("variantARunId")} hint="Usually the version live now.">
            {(props) => <VersionSelect {...props} runs={runs} defaultValue={values.variantARunId} key={`a-${values.variantARunId}`} />}
          </Field>
          <Field name="variantBRunId" prefix="ab" label={LABELS.variantBRunId} errors={errors("variantBRunId")} hint="A version of the same model.">
            {(props) => <VersionSelect {...props} runs={runs} defaultValue={values.variantBRunId} key={`b-${values.variantBRunId}`} />}
          </Field>
          <Field name="trafficSplit" prefix="ab" label={LABELS.trafficSplit} errors={errors("trafficSplit")} hint="The planned share routed to B, 1 to 99; the sample-ratio check compares against it.">
            {(props) => <input {...props} className={styles.input} type="text" inputMode="decimal" autoComplete="off" defaultValue={values.trafficSplit} />}
          </Field>
          <Field name="startedAt" prefix="ab" label={LABELS.startedAt} optional errors={errors("startedAt")} hint="Leave empty to start now; set it to register a test already running, whose predictions are then counted.">
            {(props) => <input {...props} className={styles.input} type="datetime-local" step={1} defaultValue={values.startedAt} />}
          </Field>
          <Field
            name="notes"
            prefix="ab"
            label={LABELS.notes}
            optional
            wide
            errors={errors("notes")}
            hint="What B should improve, and by how much. Emails, phone numbers, keys and other personal data are replaced by placeholders before storage."
          >
            {(props) => <textarea {...props} className={`${styles.input} ${styles.textarea}`} rows={3} maxLength={AB_TEST_LIMITS.notes} defaultValue={values.notes} />}
          </Field>
        </div>
      </fieldset>
      <div className={styles.actions}>
        <button type="submit" className={styles.submit} disabled={pending} data-testid="create-ab-test-submit">
          {pending ? "Starting…" : "Start test"}
        </button>
        <Link href="/ab-tests" className={styles.cancel}>
          Cancel
        </Link>
        <span aria-live="polite">{pending ? "Checking and saving the test…" : ""}</span>
      </div>
    </form>
  );
}
