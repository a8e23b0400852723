import { formatCount, formatPercent } from "@/lib/format";
import type { FeatureImportance } from "@/lib/features/importance";
import styles from "./features.module.css";

/** The ranking of every feature by mutual information with the label (and, beside it, with quality). */
export function ImportanceTable({ ranking }: { ranking: FeatureImportance[] }) {
  const top = Math.max(...ranking.map((row) => row.labelBits), 1e-12);
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid="importance-table">
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Feature</th>
            <th scope="col">Kind</th>
            <th scope="col" className={styles.numeric}>Present in</th>
            <th scope="col">I(feature; label)</th>
            <th scope="col" className={styles.numeric}>Share of H(label)</th>
            <th scope="col" className={styles.numeric}>I(feature; quality band)</th>
          </tr>
        </thead>
        <tbody>
          {ranking.map((row, i) => (
            <tr key={row.feature}>
              <td className={styles.numeric}>{i + 1}</td>
              <th scope="row" className={styles.mono}>{row.feature}</th>
              <td>{row.kind}</td>
              <td className={styles.numeric}>{formatCount(row.present)}</td>
              <td className={styles.numeric} title={`${row.labelBits} bits`}>
                <span className={styles.bar} style={{ width: `${Math.round((row.labelBits / top) * 80)}px` }} aria-hidden="true" />
                {row.labelBits.toFixed(4)} bits
              </td>
              <td className={styles.numeric}>{formatPercent(row.labelShare)}</td>
              <td className={styles.numeric} title={`${row.qualityBits} bits`}>
                {row.qualityBits.toFixed(4)} bits
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
