import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { MODEL_TYPE_LABELS } from "@/lib/runs/model-types";
import type { RunDetail } from "@/lib/runs/run-detail";
import styles from "./detail.module.css";
import { Count, Duration, Missing, UtcTime } from "./values";

export function RunStatusBadge({ status, testId }: { status: RunDetail["status"]; testId?: string }) {
  return status === "completed" ? (
    <Badge tone="success" data-testid={testId}>
      completed
    </Badge>
  ) : (
    <Badge tone="warning" data-testid={testId} title="Started, not yet completed">
      training
    </Badge>
  );
}

/** What the run is and what it was trained on. */
export function RunFactsCard({ run }: { run: RunDetail }) {
  return (
    <Card title="Run" description="Times in UTC; the exact value on hover.">
      <dl className={styles.facts}>
        <dt>Model type</dt>
        <dd data-testid="run-model-type">{MODEL_TYPE_LABELS[run.modelType]}</dd>
        <dt>Version</dt>
        <dd className={styles.mono} data-testid="run-version">
          {run.modelVersion}
        </dd>
        <dt>Status</dt>
        <dd>
          <RunStatusBadge status={run.status} testId="run-status" />
        </dd>
        <dt>Started</dt>
        <dd>
          <UtcTime iso={run.startedAt} testId="run-started" />
        </dd>
        <dt>Completed</dt>
        <dd>{run.completedAt === null ? <Missing title="Still training" testId="run-completed" /> : <UtcTime iso={run.completedAt} testId="run-completed" />}</dd>
        <dt>Training duration</dt>
        <dd>
          <Duration ms={run.trainingDurationMs} testId="run-duration" />
        </dd>
        <dt>Training samples</dt>
        <dd>
          <Count value={run.trainingSamples} testId="run-training-samples" />
        </dd>
        <dt>Validation samples</dt>
        <dd>
          <Count value={run.validationSamples} testId="run-validation-samples" />
        </dd>
        <dt>Test samples</dt>
        <dd>
          <Count value={run.testSamples} testId="run-test-samples" />
        </dd>
        <dt>Feature set</dt>
        <dd className={styles.mono} data-testid="run-feature-set">
          {run.featureSetVersion ?? <Missing />}
        </dd>
        <dt>Run id</dt>
        <dd className={styles.mono} data-testid="run-id">
          {run.id}
        </dd>
      </dl>
    </Card>
  );
}
