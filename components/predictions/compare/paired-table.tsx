import { formatCount, formatExact, formatPercent } from "@/lib/format";
import type { PairedComparison } from "@/lib/predictions/paired-comparison";
import styles from "../predictions.module.css";

/** "p = 0.003", "p < 0.001". */
export function formatPValue(p: number): string {
  if (p < 0.001) return "p < 0.001";
  return `p = ${p >= 0.1 ? p.toFixed(2) : p.toFixed(3)}`;
}

/** The 2×2 table of right and wrong on the queries both versions answered and both have ground truth for. */
export function PairedTable({ comparison }: { comparison: PairedComparison }) {
  const { a, b } = comparison;
  return (
    <div className={styles.tableWrap}>
      <table className={`${styles.table} ${styles.twoByTwo}`} data-testid="two-by-two">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Version A \ version B</span>
            </th>
            <th scope="col">{b.modelVersion} right</th>
            <th scope="col">{b.modelVersion} wrong</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{a.modelVersion} right</th>
            <td data-testid="both-correct">{formatCount(comparison.bothCorrect)}</td>
            <td data-testid="only-a">{formatCount(comparison.onlyAcorrect)}</td>
          </tr>
          <tr>
            <th scope="row">{a.modelVersion} wrong</th>
            <td data-testid="only-b">{formatCount(comparison.onlyBcorrect)}</td>
            <td data-testid="both-wrong">{formatCount(comparison.bothWrong)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

export function PairedSummary({ comparison }: { comparison: PairedComparison }) {
  const { a, b, accuracyA, accuracyB, pValue, onlyAcorrect, onlyBcorrect } = comparison;
  const better = onlyAcorrect === onlyBcorrect ? null : onlyAcorrect > onlyBcorrect ? a : b;
  return (
    <p data-testid="paired-summary">
      On {formatCount(comparison.pairs)} queries labelled for both ({formatCount(comparison.sharedQueries)} answered by both),{" "}
      {a.modelVersion} was right {accuracyA === null ? "—" : formatPercent(accuracyA)} of the time and {b.modelVersion}{" "}
      {accuracyB === null ? "—" : formatPercent(accuracyB)}. They disagree on {formatCount(onlyAcorrect + onlyBcorrect)}; McNemar&apos;s exact test:{" "}
      <strong data-testid="mcnemar-p" title={formatExact(pValue)}>
        {formatPValue(pValue)}
      </strong>
      {better && pValue < 0.05 ? ` — ${better.modelVersion} is significantly better on the same queries.` : " — no significant difference at the 5% level."}
    </p>
  );
}
