import { formatUtcMinute } from "@/lib/format";
import type { Disagreement } from "@/lib/predictions/paired-comparison";
import styles from "../predictions.module.css";
import stacked from "@/components/ui/stacked-table.module.css";

/** The queries where exactly one of the two versions was right. */
export function DisagreementsTable({ rows, versionA, versionB }: { rows: Disagreement[]; versionA: string; versionB: string }) {
  return (
    <div className={styles.tableWrap}>
      <table className={`${styles.table} ${stacked.list}`} data-testid="disagreements">
        <thead>
          <tr>
            <th scope="col">Predicted (UTC)</th>
            <th scope="col">Query</th>
            <th scope="col">Actual</th>
            <th scope="col">{versionA} said</th>
            <th scope="col">{versionB} said</th>
            <th scope="col">Right</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.queryId} data-query-id={row.queryId}>
              <td data-label="Predicted (UTC)" className={styles.nowrap}>{formatUtcMinute(row.predictedAt)}</td>
              <td data-label="Query" className={styles.label} title={row.queryId}>
                {row.queryId.slice(0, 8)}
              </td>
              <td data-label="Actual" className={styles.label}>
                {row.actualA === row.actualB ? row.actualA : `${versionA}: ${row.actualA} · ${versionB}: ${row.actualB}`}
              </td>
              <td data-label={`${versionA} said`} className={styles.label}>{row.predictedA}</td>
              <td data-label={`${versionB} said`} className={styles.label}>{row.predictedB}</td>
              <td data-label="Right">{row.rightVersion === "A" ? versionA : versionB}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
