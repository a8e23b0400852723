import { formatCount, formatPercent } from "@/lib/format";
import styles from "../predictions.module.css";

/**
 * The confusion matrix as a heatmap: rows are the actual label, columns the predicted one; each cell's shade is
 * its share of its row (the recall view), so a weak class stands out whatever its support.
 */
export function ConfusionHeatmap({ labels, matrix }: { labels: string[]; matrix: number[][] }) {
  return (
    <div className={styles.tableWrap}>
      <p className={styles.axisNote}>Rows: actual label · columns: predicted label · shade: share of the row</p>
      <table className={styles.heatmap} data-testid="confusion-matrix">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Actual \ predicted</span>
            </th>
            {labels.map((label) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.map((row, i) => {
            const total = row.reduce((a, b) => a + b, 0);
            return (
              <tr key={labels[i]}>
                <th scope="row">{labels[i]}</th>
                {row.map((value, j) => {
                  const share = total === 0 ? 0 : value / total;
                  const tone = i === j ? "var(--success)" : "var(--danger)";
                  return (
                    <td
                      key={labels[j]}
                      data-actual={labels[i]}
                      data-predicted={labels[j]}
                      title={`actual ${labels[i]}, predicted ${labels[j]}: ${formatCount(value)} (${formatPercent(share)} of the row)`}
                      style={{
                        background: value === 0 ? "var(--surface-muted)" : `color-mix(in srgb, ${tone} ${Math.round(12 + share * 70)}%, var(--surface))`,
                        color: share > 0.55 ? "var(--surface)" : "var(--text)",
                      }}
                    >
                      {formatCount(value)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
