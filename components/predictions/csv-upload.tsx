"use client";

import { useActionState } from "react";
import { uploadGroundTruthAction } from "@/app/predictions/actions";
import { Card } from "@/components/ui/card";
import styles from "./predictions.module.css";

/** Ground truth for many predictions at once: a CSV file, recorded all or nothing, with every bad line named. */
export function CsvUpload() {
  const [state, action, pending] = useActionState(uploadGroundTruthAction, null);
  return (
    <Card
      title="Upload ground truth"
      description={
        <>
          A CSV file with the header <code>prediction_id,actual_value</code> and one prediction per line (at most 10,000
          lines, 500 KB). Nothing is recorded unless every line is valid.
        </>
      }
    >
      <form action={action} className={styles.uploadRow} data-testid="csv-upload">
        <input type="file" name="file" accept=".csv,text/csv" aria-label="CSV file of actual values" />
        <button type="submit" className={styles.smallButton} disabled={pending}>
          {pending ? "Uploading…" : "Upload"}
        </button>
      </form>
      {state && (
        <div role={state.ok ? "status" : "alert"} data-testid="csv-result">
          <p className={state.ok ? styles.success : styles.error}>{state.message}</p>
          {state.errors.length > 0 && (
            <ul className={styles.csvErrors}>
              {state.errors.map((error, i) => (
                <li key={i}>{error.line === null ? error.message : `Line ${error.line}: ${error.message}`}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Card>
  );
}
