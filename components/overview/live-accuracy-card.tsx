import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatCount, formatExact, formatFraction, formatPercent } from "@/lib/format";
import { latestModelAccuracy, type LatestModelAccuracy } from "@/lib/overview/latest-model-accuracy";
import { MODEL_TYPE_LABELS } from "@/lib/runs/model-types";
import styles from "./overview.module.css";
import stacked from "@/components/ui/stacked-table.module.css";

const DASH = "\u2014";

/** Live minus training accuracy, in percentage points: a drop beyond the noise is what needs attention. */
function Gap({ row }: { row: LatestModelAccuracy }) {
  if (row.liveAccuracy === null || row.trainingAccuracy === null) return <span className={styles.muted}>{DASH}</span>;
  const points = (row.liveAccuracy - row.trainingAccuracy) * 100;
  const insideInterval =
    row.interval !== null && row.trainingAccuracy >= row.interval.lower && row.trainingAccuracy <= row.interval.upper;
  const tone = insideInterval ? "neutral" : points < 0 ? "danger" : "success";
  const sign = points > 0 ? "+" : points < 0 ? "\u2212" : "";
  return (
    <Badge
      tone={tone}
      title={
        insideInterval
          ? "Training accuracy lies inside the live 95% interval: no evidence of a difference"
          : "Training accuracy lies outside the live 95% interval"
      }
    >
      {sign}
      {Math.abs(points).toFixed(1)} pts
    </Badge>
  );
}

function AccuracyRow({ row }: { row: LatestModelAccuracy }) {
  const id = `latest-accuracy-${row.modelType}`;
  return (
    <tr data-testid={id}>
      <th scope="row">{MODEL_TYPE_LABELS[row.modelType]}</th>
      <td>
        <span className={styles.version} data-testid={`${id}-version`}>
          {row.modelVersion}
        </span>
        {!row.completed && (
          <>
            {" "}
            <Badge tone="warning">training</Badge>
          </>
        )}
        {row.newestMeasured && (
          <div
            className={styles.interval}
            data-testid={`${id}-measured`}
            title={`${row.modelVersion} has no labelled predictions yet. The newest version with ground truth is ${row.newestMeasured.modelVersion}: ${formatFraction(row.newestMeasured.correct, row.newestMeasured.labelled)} correct, 95% interval ${formatPercent(row.newestMeasured.interval.lower)} – ${formatPercent(row.newestMeasured.interval.upper)}.`}
          >
            newest measured: {row.newestMeasured.modelVersion} · {formatPercent(row.newestMeasured.liveAccuracy)}
          </div>
        )}
      </td>
      <td className={`num ${styles.numeric}`} data-label="Live accuracy">
        <div
          data-testid={`${id}-live`}
          title={row.liveAccuracy === null ? "No labelled predictions yet" : formatFraction(row.correct, row.labelled)}
        >
          {row.liveAccuracy === null ? DASH : formatPercent(row.liveAccuracy)}
        </div>
        {row.interval === null ? (
          <div className={styles.interval}>no labels yet</div>
        ) : (
          <div
            className={styles.interval}
            data-testid={`${id}-interval`}
            title={`95% Wilson interval: ${formatExact(row.interval.lower)} to ${formatExact(row.interval.upper)}`}
          >
            {formatPercent(row.interval.lower)} – {formatPercent(row.interval.upper)}
          </div>
        )}
      </td>
      <td className={`num ${styles.numeric}`} data-label="Labelled" data-testid={`${id}-labelled`} title={`${formatCount(row.predictions)} predictions in all`}>
        {formatCount(row.labelled)}
      </td>
      <td
        className={`num ${styles.numeric}`}
        data-label="Training"
        data-testid={`${id}-training`}
        title={row.trainingAccuracy === null ? "No training accuracy recorded" : formatExact(row.trainingAccuracy)}
      >
        {row.trainingAccuracy === null ? DASH : formatPercent(row.trainingAccuracy)}
      </td>
      <td data-label="Gap">
        <Gap row={row} />
      </td>
    </tr>
  );
}

export async function LiveAccuracyCard() {
  const rows = await latestModelAccuracy();
  return (
    <Card
      title="Live accuracy of the latest versions"
      description="Latest by semantic version; accuracy over labelled predictions, 95% Wilson interval below."
      action={<Link href="/runs">All runs</Link>}
      className={styles.wide}
      flush
    >
      {rows.length === 0 ? (
        <p className={styles.cardEmpty}>No training runs yet, so there is no model to measure.</p>
      ) : (
        <table className={`${styles.table} ${stacked.grid}`}>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Version</th>
              <th scope="col" className={styles.numeric}>
                Live accuracy
              </th>
              <th scope="col" className={styles.numeric}>Labelled</th>
              <th scope="col" className={styles.numeric}>Training</th>
              <th scope="col" title="Live minus training accuracy, in percentage points">
                Gap
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <AccuracyRow key={row.modelType} row={row} />
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
