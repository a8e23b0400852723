import type { Metadata } from "next";
import { CalibrationCharts } from "@/components/predictions/performance/calibration-card";
import { ConfusionHeatmap } from "@/components/predictions/performance/confusion-heatmap";
import { DailyAccuracyChart } from "@/components/predictions/performance/daily-accuracy-chart";
import { PerClassTable } from "@/components/predictions/performance/per-class-table";
import { PerformanceFigures } from "@/components/predictions/performance/performance-figures";
import { NoPredictionsYet } from "@/components/predictions/no-predictions-yet";
import styles from "@/components/predictions/predictions.module.css";
import { VersionPicker } from "@/components/predictions/version-picker";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatPercent } from "@/lib/format";
import { runPerformance, versionsWithPredictions } from "@/lib/predictions/run-performance";
import { requireViewer } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Model performance" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PerformancePage({ searchParams }: Props) {
  await requireViewer();
  const params = await searchParams;
  const requested = typeof params.run === "string" && params.run.trim() !== "" ? params.run.trim() : null;
  const versions = await versionsWithPredictions();
  const runId = requested ?? versions[0]?.id ?? null;
  const performance = runId === null ? null : await runPerformance(runId);
  const header = (
    <PageHeader
      title="Model performance"
      description="How a model version does on live traffic: accuracy, per-class metrics, calibration and drift, beside its training accuracy."
      aside={<ButtonLink href="/predictions">All predictions</ButtonLink>}
    />
  );
  if (versions.length === 0 && !performance) {
    return (
      <>
        {header}
        <NoPredictionsYet />
      </>
    );
  }
  const picker = <VersionPicker action="/predictions/performance" fields={[{ name: "run", label: "Model version", value: performance?.run.id ?? null }]} versions={versions} submit="Show" />;
  if (!performance) {
    return (
      <>
        {header}
        <EmptyState title="Model version not found" data-testid="version-not-found" actions={<ButtonLink href="/predictions/performance" variant="primary">Show the latest version</ButtonLink>}>
          <p>There is no training run with the id &ldquo;{requested}&rdquo;. The link may be mistyped; choose a version below.</p>
          {picker}
        </EmptyState>
      </>
    );
  }
  const { run, report } = performance;
  return (
    <>
      {header}
      <div className={styles.stack}>
        <Card title={`${run.modelType} ${run.modelVersion}`} description={`Training accuracy ${run.trainingAccuracy === null ? "not recorded" : formatPercent(run.trainingAccuracy)}`} action={<ButtonLink href={`/runs/${run.id}`}>Run details</ButtonLink>}>
          {picker}
        </Card>
        <PerformanceFigures performance={performance} />
        {performance.labelled === 0 ? (
          <EmptyState title="No ground truth yet" data-testid="no-labels" actions={<ButtonLink href={`/predictions?run=${encodeURIComponent(run.id)}&status=unlabelled`} variant="primary">Label its predictions</ButtonLink>}>
            <p>Accuracy, the confusion matrix and calibration need labelled predictions. Record actual values on the predictions page.</p>
          </EmptyState>
        ) : (
          <div className={styles.grid}>
            <Card title="Confusion matrix" description="Labelled predictions by actual and predicted label.">
              <ConfusionHeatmap labels={report.confusion.labels} matrix={report.confusion.matrix} />
            </Card>
            <Card title="Per-class metrics" description="Precision, recall and F1 per label; a label never predicted scores 0." flush>
              <PerClassTable perClass={report.perClass} macro={report.macro} />
            </Card>
            <CalibrationCharts performance={performance} />
            <div className={styles.wide}>
              <Card title="Accuracy per day (drift)" description="Live accuracy per UTC day with its 95% Wilson band; the dashed line is the training accuracy.">
                <DailyAccuracyChart days={performance.daily} trainingAccuracy={run.trainingAccuracy} />
              </Card>
            </div>
          </div>
        )}
      </div>
    </>
  );
}
