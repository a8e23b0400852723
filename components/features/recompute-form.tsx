"use client";

import { useActionState } from "react";
import { recomputeClustersAction } from "@/app/features/clusters/actions";
import { MAX_CLUSTERS, MIN_CLUSTERS, type RecomputeClustersState } from "@/lib/features/clusters-schema";
import styles from "./features.module.css";

/** Recomputes k-means for a chosen k; a refused k is explained beside the field. */
export function RecomputeForm({ defaultK }: { defaultK: number }) {
  const [state, formAction, pending] = useActionState<RecomputeClustersState, FormData>(recomputeClustersAction, null);
  const error = state?.fieldErrors.k?.[0];
  return (
    <form action={formAction} className={styles.form} aria-label="Recompute clusters" noValidate>
      <label className={styles.field}>
        Clusters (k, {MIN_CLUSTERS}–{MAX_CLUSTERS})
        <input
          name="k"
          type="number"
          min={MIN_CLUSTERS}
          max={MAX_CLUSTERS}
          step={1}
          defaultValue={state?.values.k ?? defaultK}
          className={`${styles.input} ${styles.narrowInput}`}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={error ? "k-error" : undefined}
        />
      </label>
      <button type="submit" className={styles.input} disabled={pending}>
        {pending ? "Recomputing…" : "Recompute k-means"}
      </button>
      {error && (
        <p id="k-error" className={styles.error} role="alert">
          {error}
        </p>
      )}
      {state && !state.ok && !error && (
        <p className={styles.error} role="alert">
          {state.message}
        </p>
      )}
    </form>
  );
}
