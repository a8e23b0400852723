import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatPercent, formatUtcMinute } from "@/lib/format";
import type { ExplorerRow } from "@/lib/predictions/explorer-query";
import { LabelForm } from "./label-form";
import styles from "./predictions.module.css";
import stacked from "@/components/ui/stacked-table.module.css";

function Verdict({ correct }: { correct: boolean | null }) {
  if (correct === null) return <Badge tone="neutral">Unlabelled</Badge>;
  return correct ? <Badge tone="success">Correct</Badge> : <Badge tone="danger">Wrong</Badge>;
}

/** One page of predictions; each row can record or correct its actual value. */
/** `canLabel` is false for viewers: they see the actual values but get no form to record them. */
export function PredictionsTable({ rows, canLabel }: { rows: ExplorerRow[]; canLabel: boolean }) {
  return (
    <div className={styles.tableWrap}>
      <table className={`${styles.table} ${stacked.list}`} data-testid="predictions-table">
        <thead>
          <tr>
            <th scope="col">Predicted (UTC)</th>
            <th scope="col">Version</th>
            <th scope="col">Type</th>
            <th scope="col">Prediction</th>
            <th scope="col">Actual</th>
            <th scope="col" className={styles.numeric}>
              Confidence
            </th>
            <th scope="col">Verdict</th>
            <th scope="col">Ground truth</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-prediction-id={row.id}>
              <td data-label="Predicted (UTC)" className={styles.nowrap} title={row.predictedAt}>
                {formatUtcMinute(row.predictedAt)}
              </td>
              <td data-label="Version" className={styles.nowrap}>
                <Link href={`/predictions/performance?run=${encodeURIComponent(row.runId)}`}>
                  {row.modelType} {row.modelVersion}
                </Link>
              </td>
              <td data-label="Type">{row.predictionType}</td>
              <td data-label="Prediction" className={styles.label} data-testid="predicted">
                {row.predicted}
              </td>
              <td data-label="Actual" className={styles.label} data-testid="actual">
                {row.actual ?? <span className={styles.muted}>—</span>}
              </td>
              <td data-label="Confidence" className={styles.numeric} title={row.confidence === null ? undefined : String(row.confidence)} data-testid="confidence">
                {row.confidence === null ? "—" : formatPercent(row.confidence)}
              </td>
              <td data-label="Verdict" data-testid="verdict">
                <Verdict correct={row.correct} />
              </td>
              <td data-label="Ground truth">
                {canLabel ? <LabelForm predictionId={row.id} relabel={row.actual !== null} /> : <span>{row.actual ?? "—"}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
