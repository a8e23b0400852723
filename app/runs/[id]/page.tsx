import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HyperparametersCard } from "@/components/runs/detail/hyperparameters-card";
import { LiveVsTrainingCard } from "@/components/runs/detail/live-vs-training-card";
import { RunAbTestsCard } from "@/components/runs/detail/run-ab-tests-card";
import { RunFactsCard, RunStatusBadge } from "@/components/runs/detail/run-facts-card";
import { RunFigures } from "@/components/runs/detail/run-figures";
import { RunNotesCard } from "@/components/runs/detail/run-notes-card";
import { TrainingDataCard } from "@/components/runs/detail/training-data-card";
import { TrainingMetricsCard } from "@/components/runs/detail/training-metrics-card";
import styles from "@/components/runs/detail/detail.module.css";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { formatCount } from "@/lib/format";
import { MODEL_TYPE_LABELS } from "@/lib/runs/model-types";
import { runDetail } from "@/lib/runs/run-detail";
import { requireViewer } from "@/lib/auth/guard";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const run = await runDetail((await params).id);
  return { title: run ? `${run.modelType} ${run.modelVersion}` : "Run not found" };
}

export default async function RunPage({ params }: Props) {
  await requireViewer();
  const { id } = await params;
  const run = await runDetail(id);
  if (!run) notFound();

  const compareHref = run.previousVersion ? `/runs/compare?ids=${run.previousVersion.id},${run.id}` : null;
  return (
    <>
      <PageHeader
        title={`${MODEL_TYPE_LABELS[run.modelType]} ${run.modelVersion}`}
        description={
          <span className={styles.headerMeta}>
            <span>
              Training run of the {run.modelType} model, on {formatCount(run.trainingSamples)} training samples
            </span>
            <RunStatusBadge status={run.status} />
          </span>
        }
        aside={
          <div className={styles.headerActions}>
            {compareHref && run.previousVersion ? (
              <ButtonLink href={compareHref} variant="primary" data-testid="compare-previous">
                Compare with {run.previousVersion.modelVersion}
              </ButtonLink>
            ) : (
              <span className={styles.asideNote} data-testid="oldest-version">
                The oldest {run.modelType} version: nothing earlier to compare with
              </span>
            )}
            {run.nextVersion && (
              <ButtonLink href={`/runs/${run.nextVersion.id}`} data-testid="next-version">
                Newer: {run.nextVersion.modelVersion}
              </ButtonLink>
            )}
            <ButtonLink href="/runs">All runs</ButtonLink>
          </div>
        }
      />
      <RunFigures run={run} />
      <div className={styles.grid}>
        <RunFactsCard run={run} />
        <LiveVsTrainingCard run={run} />
        <TrainingMetricsCard run={run} />
        <HyperparametersCard run={run} />
        <div className={styles.wide}>
          <TrainingDataCard run={run} />
        </div>
        <div className={styles.wide}>
          <RunNotesCard run={run} />
        </div>
        <div className={styles.wide}>
          <RunAbTestsCard run={run} />
        </div>
      </div>
    </>
  );
}
