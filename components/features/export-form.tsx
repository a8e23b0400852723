import type { ExportChoices } from "@/lib/features/importance-query";
import styles from "./features.module.css";

/** A GET form on the export route itself: the download is the API's answer, with the same filters and checks. */
export function ExportForm({ choices }: { choices: ExportChoices }) {
  return (
    <form method="get" action="/api/v1/export/training-data" className={styles.form} aria-label="Export training data" data-testid="export-form">
      <label className={styles.field}>
        Format
        <select name="format" defaultValue="csv" className={styles.select}>
          <option value="csv">CSV</option>
          <option value="jsonl">JSON Lines</option>
          <option value="parquet">Parquet</option>
        </select>
      </label>
      <label className={styles.field}>
        Last days
        <input name="days" type="number" min={1} max={3650} step={1} defaultValue={90} required className={`${styles.input} ${styles.narrowInput}`} />
      </label>
      <label className={styles.field}>
        Embedding model
        <select name="model" defaultValue="" className={styles.select}>
          <option value="">All models</option>
          {choices.models.map((model) => (
            <option key={model} value={model}>
              {model}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        Feature version
        <select name="featureVersion" defaultValue="" className={styles.select}>
          <option value="">All versions</option>
          {choices.featureVersions.map((version) => (
            <option key={version} value={version}>
              {version}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.check}>
        <input type="checkbox" name="labelled" value="true" /> Labelled only
      </label>
      <button type="submit" className={styles.input}>
        Download
      </button>
    </form>
  );
}
