"use client";

import { useActionState, useId } from "react";
import { recordGroundTruthAction } from "@/app/predictions/actions";
import styles from "./predictions.module.css";

/** The actual value of one prediction, typed on its row; the server decides whether the prediction was right. */
export function LabelForm({ predictionId, relabel }: { predictionId: string; relabel: boolean }) {
  const [state, action, pending] = useActionState(recordGroundTruthAction, null);
  const errorId = useId();
  const error = state?.fieldErrors.actualValue?.[0] ?? state?.fieldErrors.predictionId?.[0] ?? (state && !state.ok ? state.message : undefined);
  return (
    <form action={action} className={styles.labelForm} data-testid="label-form">
      <input type="hidden" name="predictionId" value={predictionId} />
      <input
        name="actualValue"
        className={styles.input}
        aria-label={relabel ? "Corrected actual value" : "Actual value"}
        placeholder={relabel ? "Correct it" : "Actual value"}
        defaultValue={state?.ok === false ? state.actualValue : ""}
        key={state?.ok ? "saved" : "editing"}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        maxLength={400}
      />
      <button type="submit" className={styles.smallButton} disabled={pending}>
        {pending ? "Saving…" : relabel ? "Relabel" : "Save"}
      </button>
      {error && (
        <span id={errorId} className={styles.error} role="alert">
          {error}
        </span>
      )}
      {state?.ok && (
        <span className={styles.success} role="status">
          {state.message}
        </span>
      )}
    </form>
  );
}
