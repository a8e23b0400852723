import { Card } from "@/components/ui/card";
import type { RunDetail } from "@/lib/runs/run-detail";
import styles from "./detail.module.css";
import { Loss, Percent } from "./values";

/** The offline evaluation recorded with the run. */
export function TrainingMetricsCard({ run }: { run: RunDetail }) {
  const gap = run.trainingLoss !== null && run.validationLoss !== null ? run.validationLoss - run.trainingLoss : null;
  return (
    <Card title="Training metrics" description="Measured on the run's own evaluation data when it was trained.">
      <dl className={styles.facts}>
        <dt>Accuracy</dt>
        <dd>
          <Percent value={run.accuracy} testId="metric-accuracy" />
        </dd>
        <dt>Precision</dt>
        <dd>
          <Percent value={run.precision} testId="metric-precision" />
        </dd>
        <dt>Recall</dt>
        <dd>
          <Percent value={run.recall} testId="metric-recall" />
        </dd>
        <dt>F1 score</dt>
        <dd>
          <Percent value={run.f1Score} testId="metric-f1" />
        </dd>
        <dt>Training loss</dt>
        <dd>
          <Loss value={run.trainingLoss} testId="metric-training-loss" />
        </dd>
        <dt>Validation loss</dt>
        <dd>
          <Loss value={run.validationLoss} testId="metric-validation-loss" />
          {gap !== null && (
            <span className={styles.muted} title="Validation minus training loss: a wide gap suggests overfitting">
              {" "}
              ({gap >= 0 ? "+" : "\u2212"}
              <Loss value={Math.abs(gap)} /> over training)
            </span>
          )}
        </dd>
      </dl>
    </Card>
  );
}
