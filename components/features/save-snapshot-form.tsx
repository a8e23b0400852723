"use client";

import { useActionState } from "react";
import { saveSnapshotAction } from "@/app/features/actions";
import { Field } from "@/components/runs/register/field";
import registerStyles from "@/components/runs/register/register.module.css";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import type { ExportChoices } from "@/lib/features/importance-query";
import { SNAPSHOT_FIELDS, SNAPSHOT_LABELS, SNAPSHOT_LIMITS, type SaveSnapshotState, type SnapshotField } from "@/lib/features/snapshot-schema";
import { FilterSelect, FormatSelect } from "./export-form";
import styles from "./features.module.css";

const PREFIX = "snapshot";

/**
 * Saves an export as a snapshot: the same filters as the download form, plus a name and notes. The server
 * hashes the export's bytes, so a later re-export can be checked against it.
 */
export function SaveSnapshotForm({ choices }: { choices: ExportChoices }) {
  const [state, formAction, pending] = useActionState<SaveSnapshotState, FormData>(saveSnapshotAction, null);
  const values = state && !state.ok ? state.values : null;
  const errors = (field: SnapshotField) => (state && !state.ok ? state.fieldErrors[field] : undefined);
  const invalid = (field: SnapshotField) => (errors(field)?.length ? true : undefined);
  return (
    <form action={formAction} noValidate className={styles.snapshotForm} aria-label="Save a training-data snapshot" aria-busy={pending} data-testid="save-snapshot-form">
      {state && !state.ok && <FormErrorSummary state={state} fields={SNAPSHOT_FIELDS} labels={SNAPSHOT_LABELS} prefix={PREFIX} />}
      <div className={styles.form}>
        <FormatSelect id={`${PREFIX}-format`} defaultValue={values?.format || "csv"} />
        <label className={styles.field}>
          Last days
          <input
            id={`${PREFIX}-days`}
            name="days"
            type="text"
            inputMode="numeric"
            defaultValue={values?.days ?? "90"}
            className={`${styles.input} ${styles.narrowInput}`}
            aria-invalid={invalid("days")}
            aria-describedby={invalid("days") ? `${PREFIX}-days-error` : undefined}
          />
        </label>
        <FilterSelect name="model" label="Embedding model" anyLabel="All models" values={choices.models} defaultValue={values?.model ?? ""} />
        <FilterSelect name="featureVersion" label="Feature version" anyLabel="All versions" values={choices.featureVersions} defaultValue={values?.featureVersion ?? ""} />
        <label className={styles.check}>
          <input type="checkbox" name="labelled" value="true" defaultChecked={values?.labelled === "true"} key={values?.labelled} /> Labelled only
        </label>
      </div>
      {errors("days") && (
        <p id={`${PREFIX}-days-error`} className={styles.error} data-testid="error-days">
          {errors("days")!.join(" ")}
        </p>
      )}
      <div className={registerStyles.grid}>
        <Field name="name" prefix={PREFIX} label={SNAPSHOT_LABELS.name} errors={errors("name")} hint="Such as “classifier 2.4 training set”. Personal data is replaced by placeholders before it is stored.">
          {(props) => <input {...props} className={registerStyles.input} type="text" autoComplete="off" maxLength={SNAPSHOT_LIMITS.name} defaultValue={values?.name ?? ""} />}
        </Field>
        <Field name="notes" prefix={PREFIX} label={SNAPSHOT_LABELS.notes} optional errors={errors("notes")}>
          {(props) => <input {...props} className={registerStyles.input} type="text" autoComplete="off" maxLength={SNAPSHOT_LIMITS.notes} defaultValue={values?.notes ?? ""} />}
        </Field>
      </div>
      <div className={styles.form}>
        <button type="submit" className={styles.input} disabled={pending} data-testid="save-snapshot">
          {pending ? "Hashing the export…" : "Save snapshot"}
        </button>
        <span className={styles.note} aria-live="polite">
          {pending ? "Exporting the rows and computing their SHA-256…" : ""}
        </span>
      </div>
    </form>
  );
}
