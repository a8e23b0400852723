import { formatCount, formatExact } from "@/lib/format";
import type { ClassMetrics } from "@/lib/predictions/classification-report";
import styles from "../predictions.module.css";

const metric = (value: number) => <span title={formatExact(value)}>{value.toFixed(3)}</span>;

/** Precision, recall, F1 and support per label, with the macro averages as the last row. */
export function PerClassTable({ perClass, macro }: { perClass: Record<string, ClassMetrics>; macro: { precision: number | null; recall: number | null; f1: number | null } }) {
  const labels = Object.keys(perClass);
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid="per-class">
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col" className={styles.numeric}>Precision</th>
            <th scope="col" className={styles.numeric}>Recall</th>
            <th scope="col" className={styles.numeric}>F1</th>
            <th scope="col" className={styles.numeric}>Support</th>
          </tr>
        </thead>
        <tbody>
          {labels.map((label) => {
            const row = perClass[label]!;
            return (
              <tr key={label}>
                <th scope="row" className={styles.label}>{label}</th>
                <td className={styles.numeric}>{metric(row.precision)}</td>
                <td className={styles.numeric}>{metric(row.recall)}</td>
                <td className={styles.numeric}>{metric(row.f1)}</td>
                <td className={styles.numeric}>{formatCount(row.support)}</td>
              </tr>
            );
          })}
          {macro.f1 !== null && (
            <tr>
              <th scope="row">Macro average</th>
              <td className={styles.numeric}>{metric(macro.precision!)}</td>
              <td className={styles.numeric}>{metric(macro.recall!)}</td>
              <td className={styles.numeric}>{metric(macro.f1)}</td>
              <td className={styles.numeric}>{formatCount(labels.reduce((sum, label) => sum + perClass[label]!.support, 0))}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
