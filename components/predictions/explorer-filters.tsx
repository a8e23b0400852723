import Link from "next/link";
import type { ExplorerView } from "@/lib/predictions/explorer-params";
import { PREDICTION_TYPES } from "@/lib/predictions/prediction-value";
import type { VersionOption } from "@/lib/predictions/run-performance";
import styles from "./predictions.module.css";
import { VersionOptions } from "./version-options";

const STATUS_LABELS = { "": "All", correct: "Correct", wrong: "Wrong", unlabelled: "Unlabelled", labelled: "Labelled" } as const;

/** The explorer's filters as a GET form: applying them writes the URL, so every view can be shared; page resets to 1. */
export function ExplorerFilters({ view, versions }: { view: ExplorerView; versions: VersionOption[] }) {
  return (
    <form method="get" action="/predictions" className={styles.filters} aria-label="Filter predictions" data-testid="explorer-filters">
      <label className={styles.field}>
        Model version
        <select name="run" defaultValue={view.run ?? ""} className={styles.select}>
          <option value="">All versions</option>
          <VersionOptions versions={versions} />
        </select>
      </label>
      <label className={styles.field}>
        Prediction type
        <select name="type" defaultValue={view.type ?? ""} className={styles.select}>
          <option value="">All types</option>
          {PREDICTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        Status
        <select name="status" defaultValue={view.status ?? ""} className={styles.select}>
          {Object.entries(STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        Confidence from
        <input name="minConfidence" type="number" min={0} max={1} step="any" defaultValue={view.minConfidence ?? ""} className={`${styles.input} ${styles.narrowInput}`} />
      </label>
      <label className={styles.field}>
        to
        <input name="maxConfidence" type="number" min={0} max={1} step="any" defaultValue={view.maxConfidence ?? ""} className={`${styles.input} ${styles.narrowInput}`} />
      </label>
      <label className={styles.field}>
        Predicted from (UTC)
        <input name="from" type="date" defaultValue={view.from ?? ""} className={styles.input} />
      </label>
      <label className={styles.field}>
        to
        <input name="to" type="date" defaultValue={view.to ?? ""} className={styles.input} />
      </label>
      <button type="submit" className={styles.smallButton}>
        Apply filters
      </button>
      <Link href="/predictions" className={styles.pageLink}>
        Reset
      </Link>
    </form>
  );
}
