import type { FieldRow } from "@/lib/api/reference";
import styles from "./api-reference.module.css";

/** A request's or response's fields: name, type, whether required, limits, meaning. */
export function FieldTable({ fields, caption }: { fields: FieldRow[]; caption: string }) {
  if (fields.length === 0) return null;
  return (
    <div className={styles.tableScroll}>
      <table className={styles.fields}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Type</th>
            <th scope="col">Rules</th>
            <th scope="col">Meaning</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field.name} data-field={field.name}>
              <td className={styles.name}>
                <code>{field.name}</code>
                {field.required ? <span className={styles.required}> required</span> : null}
              </td>
              <td className={styles.type}>{field.type}</td>
              <td>{field.constraints.length > 0 ? field.constraints.join("; ") : <span className={styles.subtle}>—</span>}</td>
              <td>{field.description ?? <span className={styles.subtle}>—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
