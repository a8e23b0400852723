"use client";

import Link from "next/link";
import { useActionState } from "react";
import { registerRunAction } from "@/app/runs/new/actions";
import type { SnapshotChoice } from "@/lib/features/snapshots";
import { formatCount, formatUtcMinute } from "@/lib/format";
import { MODEL_TYPE_LABELS, MODEL_TYPES, type ModelType } from "@/lib/runs/model-types";
import {
  REGISTER_RUN_FIELDS,
  REGISTER_RUN_LABELS,
  REGISTER_RUN_LIMITS,
  type RegisterRunField,
  type RegisterRunFormState,
  type RegisterRunValues,
} from "@/lib/runs/schema";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Field } from "./field";
import styles from "./register.module.css";

const EMPTY: RegisterRunValues = Object.fromEntries(REGISTER_RUN_FIELDS.map((field) => [field, ""])) as RegisterRunValues;

const HYPERPARAMETERS_EXAMPLE = '{\n  "learning_rate": 0.001,\n  "batch_size": 64,\n  "optimizer": {"name": "adam", "betas": [0.9, 0.999]}\n}';

type NumberInputProps = {
  field: RegisterRunField;
  values: RegisterRunValues;
  errors: RegisterRunFormState["fieldErrors"] | undefined;
  decimal?: boolean;
  placeholder?: string;
};

function NumberInput({ field, values, errors, decimal = false, placeholder }: NumberInputProps) {
  return (
    <Field name={field} label={REGISTER_RUN_LABELS[field]} optional={field !== "trainingSamples"} errors={errors?.[field]} hint={HINTS[field]}>
      {(props) => (
        <input
          {...props}
          className={styles.input}
          type="text"
          inputMode={decimal ? "decimal" : "numeric"}
          autoComplete="off"
          placeholder={placeholder}
          defaultValue={values[field]}
        />
      )}
    </Field>
  );
}

/**
 * Registers a training run. Numbers are text inputs with a numeric keyboard (inputmode) rather than
 * type="number", which silently drops what it cannot parse; the server's schema checks every value and
 * answers beside the field, and the browser's own validation is off so those answers are the only ones.
 */
export function RegisterRunForm({
  latestVersions,
  snapshots,
  defaultSnapshotId = "",
}: {
  latestVersions: { modelType: ModelType; modelVersion: string }[];
  /** The saved training-data snapshots a run can cite, newest first. */
  snapshots: SnapshotChoice[];
  defaultSnapshotId?: string;
}) {
  const [state, formAction, pending] = useActionState<RegisterRunFormState | null, FormData>(registerRunAction, null);
  const values = state?.values ?? { ...EMPTY, trainingDataSnapshotId: defaultSnapshotId };
  const errors = (field: RegisterRunField) => state?.fieldErrors[field];

  return (
    <form action={formAction} noValidate className={styles.form} aria-busy={pending} data-testid="register-run-form">
      {state && (
        <FormErrorSummary state={state} fields={REGISTER_RUN_FIELDS} labels={REGISTER_RUN_LABELS}>
          {state.existingRunId && (
            <p>
              <Link href={`/runs/${state.existingRunId}`}>Open the run already registered under this version</Link>
            </p>
          )}
        </FormErrorSummary>
      )}

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Model</legend>
        <div className={styles.grid}>
          <Field name="modelType" label="Model type" errors={errors("modelType")}>
            {(props) => (
              <select {...props} className={styles.input} defaultValue={values.modelType} key={`modelType-${values.modelType}`}>
                <option value="" disabled>
                  Choose…
                </option>
                {MODEL_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {MODEL_TYPE_LABELS[type]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            name="modelVersion"
            label="Version"
            errors={errors("modelVersion")}
            hint={
              <>
                Semantic version, unique per model type: 2.3.0, or 3.0.0-rc.1 for a candidate.
                {latestVersions.length > 0 && (
                  <>
                    {" "}
                    Latest: {latestVersions.map((latest) => `${latest.modelType} ${latest.modelVersion}`).join(", ")}.
                  </>
                )}
              </>
            }
          >
            {(props) => <input {...props} className={`${styles.input} ${styles.mono}`} type="text" autoComplete="off" spellCheck={false} placeholder="2.3.0" maxLength={REGISTER_RUN_LIMITS.modelVersion} defaultValue={values.modelVersion} />}
          </Field>
          <Field name="featureSetVersion" label="Feature set version" optional errors={errors("featureSetVersion")} hint="The feature_version of the vectors it was trained on, such as fv-2.">
            {(props) => <input {...props} className={`${styles.input} ${styles.mono}`} type="text" autoComplete="off" spellCheck={false} placeholder="fv-2" defaultValue={values.featureSetVersion} />}
          </Field>
        </div>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Timing</legend>
        <p className={styles.fieldsetNote}>Times are in UTC, not your local time zone.</p>
        <div className={styles.grid}>
          <Field name="startedAt" label="Started (UTC)" errors={errors("startedAt")}>
            {(props) => <input {...props} className={styles.input} type="datetime-local" step={1} defaultValue={values.startedAt} />}
          </Field>
          <Field name="completedAt" label="Completed (UTC)" optional errors={errors("completedAt")} hint="Leave empty while the run is still training.">
            {(props) => <input {...props} className={styles.input} type="datetime-local" step={1} defaultValue={values.completedAt} />}
          </Field>
          <NumberInput field="trainingDurationMs" values={values} errors={state?.fieldErrors} placeholder="5400000" />
        </div>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Data</legend>
        <div className={styles.grid}>
          <NumberInput field="trainingSamples" values={values} errors={state?.fieldErrors} placeholder="12000" />
          <NumberInput field="validationSamples" values={values} errors={state?.fieldErrors} placeholder="2500" />
          <NumberInput field="testSamples" values={values} errors={state?.fieldErrors} placeholder="2500" />
          <Field
            name="trainingDataSnapshotId"
            label="Training-data snapshot"
            optional
            wide
            errors={errors("trainingDataSnapshotId")}
            hint={
              snapshots.length === 0 ? (
                <>
                  No snapshots yet: save one from the export form on <Link href="/features">Features</Link>.
                </>
              ) : (
                "The saved export the run was trained on; its page will show the snapshot's hash, rows and filters."
              )
            }
          >
            {(props) => (
              <select {...props} className={styles.input} defaultValue={values.trainingDataSnapshotId} key={`snapshot-${values.trainingDataSnapshotId}`}>
                <option value="">None</option>
                {snapshots.map((snapshot) => (
                  <option key={snapshot.id} value={snapshot.id}>
                    {snapshot.name} · {formatCount(snapshot.rowCount)} rows · {snapshot.contentSha256.slice(0, 12)}… · {formatUtcMinute(snapshot.createdAt)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Metrics</legend>
        <p className={styles.fieldsetNote}>Accuracy, precision, recall and F1 as fractions between 0 and 1: 0.913 for 91.3%.</p>
        <div className={styles.grid4}>
          <NumberInput field="accuracy" values={values} errors={state?.fieldErrors} decimal placeholder="0.913" />
          <NumberInput field="precision" values={values} errors={state?.fieldErrors} decimal placeholder="0.905" />
          <NumberInput field="recall" values={values} errors={state?.fieldErrors} decimal placeholder="0.921" />
          <NumberInput field="f1Score" values={values} errors={state?.fieldErrors} decimal placeholder="0.913" />
          <NumberInput field="trainingLoss" values={values} errors={state?.fieldErrors} decimal placeholder="0.215" />
          <NumberInput field="validationLoss" values={values} errors={state?.fieldErrors} decimal placeholder="0.248" />
        </div>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Hyperparameters and notes</legend>
        <div className={styles.grid}>
          <Field
            name="hyperparameters"
            label="Hyperparameters (JSON)"
            optional
            wide
            errors={errors("hyperparameters")}
            hint={
              <>
                A JSON object of names to values; values may be nested. For example:
                <code className={styles.example}>{HYPERPARAMETERS_EXAMPLE}</code>
              </>
            }
          >
            {(props) => (
              <textarea {...props} className={`${styles.input} ${styles.textarea} ${styles.mono}`} rows={7} spellCheck={false} placeholder='{"learning_rate": 0.001}' defaultValue={values.hyperparameters} />
            )}
          </Field>
          <Field
            name="notes"
            label="Notes"
            optional
            wide
            errors={errors("notes")}
            hint="What changed in this version and why. Emails, phone numbers, keys and other personal data or secrets are replaced by placeholders such as [EMAIL] before the notes are stored."
          >
            {(props) => <textarea {...props} className={`${styles.input} ${styles.textarea}`} rows={4} maxLength={REGISTER_RUN_LIMITS.notes} defaultValue={values.notes} />}
          </Field>
        </div>
      </fieldset>

      <div className={styles.actions}>
        <button type="submit" className={styles.submit} disabled={pending} data-testid="register-submit">
          {pending ? "Registering…" : "Register run"}
        </button>
        <Link href="/runs" className={styles.cancel}>
          Cancel
        </Link>
        <span className={styles.pending} aria-live="polite">
          {pending ? "Checking and saving the run…" : ""}
        </span>
      </div>
    </form>
  );
}

const HINTS: Partial<Record<RegisterRunField, string>> = {
  trainingDurationMs: "Whole milliseconds of training: 5400000 is 1 h 30 min.",
  trainingSamples: "Whole number of examples trained on.",
};
