import type { ExportChoices } from "@/lib/features/importance-query";
import styles from "./features.module.css";

/** A GET form on the export route itself: the download is the API's answer, with the same filters and checks. */
export function ExportForm({ choices }: { choices: ExportChoices }) {
  return (
    <form method="get" action="/api/v1/export/training-data" className={styles.form} aria-label="Export training data" data-testid="export-form">
      <FormatSelect />
      <label className={styles.field}>
        Last days
        <input name="days" type="number" min={1} max={3650} step={1} defaultValue={90} required className={`${styles.input} ${styles.narrowInput}`} />
      </label>
      <FilterSelect name="model" label="Embedding model" anyLabel="All models" values={choices.models} />
      <FilterSelect name="featureVersion" label="Feature version" anyLabel="All versions" values={choices.featureVersions} />
      <label className={styles.check}>
        <input type="checkbox" name="labelled" value="true" /> Labelled only
      </label>
      <button type="submit" className={styles.input}>
        Download
      </button>
    </form>
  );
}

/** The export's format: CSV unless another is chosen. */
export function FormatSelect({ id, defaultValue = "csv" }: { id?: string; defaultValue?: string }) {
  return (
    <label className={styles.field}>
      Format
      <select id={id} name="format" defaultValue={defaultValue} key={defaultValue} className={styles.select}>
        <option value="csv">CSV</option>
        <option value="jsonl">JSON Lines</option>
        <option value="parquet">Parquet</option>
      </select>
    </label>
  );
}

/** A filter that is off by default ("All …") or names one of the values the database holds. */
export function FilterSelect({ name, label, anyLabel, values, defaultValue = "" }: { name: string; label: string; anyLabel: string; values: readonly string[]; defaultValue?: string }) {
  return (
    <label className={styles.field}>
      {label}
      <select name={name} defaultValue={defaultValue} className={styles.select} key={defaultValue}>
        <option value="">{anyLabel}</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
    </label>
  );
}
