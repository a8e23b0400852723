import type { VersionOption } from "@/lib/predictions/run-performance";
import styles from "./predictions.module.css";
import { VersionOptions } from "./version-options";

/** A GET form choosing one version per named parameter; the choice becomes the URL. */
export function VersionPicker({ action, fields, versions, submit }: { action: string; fields: { name: string; label: string; value: string | null }[]; versions: VersionOption[]; submit: string }) {
  return (
    <form method="get" action={action} className={styles.filters} data-testid="version-picker">
      {fields.map((field) => (
        <label key={field.name} className={styles.field}>
          {field.label}
          <select name={field.name} defaultValue={field.value ?? ""} className={styles.select}>
            <VersionOptions versions={versions} />
          </select>
        </label>
      ))}
      <button type="submit" className={styles.smallButton}>
        {submit}
      </button>
    </form>
  );
}
