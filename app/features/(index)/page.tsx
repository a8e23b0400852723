import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ExportForm } from "@/components/features/export-form";
import styles from "@/components/features/features.module.css";
import { ImportanceTable } from "@/components/features/importance-table";
import { QualityGroupsTable } from "@/components/features/quality-groups-table";
import { SaveSnapshotForm } from "@/components/features/save-snapshot-form";
import { SimilarQueriesSearch } from "@/components/features/similar-queries";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatCount } from "@/lib/format";
import { exportChoices, featureImportanceReport } from "@/lib/features/importance-query";
import { similarQueries } from "@/lib/features/similar-queries";
import { NUMERIC_BINS, QUALITY_BANDS } from "@/lib/features/importance";
import { canWrite, requireViewer } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Features" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FeaturesPage({ searchParams }: Props) {
  const actor = await requireViewer();
  await connection();
  const params = await searchParams;
  const similar = typeof params.similar === "string" ? params.similar.trim() : "";
  const report = featureImportanceReport();
  const header = (
    <PageHeader
      title="Features"
      description="Which features carry information about feedback and quality, the queries nearest a given one, and training data to export."
      aside={
        <>
          <ButtonLink href="/features/clusters" variant="primary">
            Query clusters
          </ButtonLink>
          <ButtonLink href="/features/snapshots">Training-data snapshots</ButtonLink>
        </>
      }
    />
  );
  if (report.vectors === 0) {
    return (
      <>
        {header}
        <EmptyState title="No feature vectors yet" data-testid="no-feature-vectors">
          <p>
            Feature vectors are computed for queries as telemetry arrives. Load the demo data with <code>npm run db:seed -- --size demo</code> to explore
            this page.
          </p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      {header}
      <div className={styles.stack}>
        <Card
          title="Feature importance"
          description={
            <>
              Method: <strong>mutual information</strong> (plug-in estimate, in bits) between each feature and the positive label (latest thumbs or rating
              of {formatCount(report.labelled)} labelled of {formatCount(report.vectors)} queries), and with the result quality cut into {QUALITY_BANDS} bands of
              0.2. Numeric features are cut into at most {NUMERIC_BINS} equal-count bins; a feature a vector lacks counts as its own value.
            </>
          }
          flush
        >
          <ImportanceTable ranking={report.ranking} />
        </Card>
        <div className={styles.grid}>
          <Card title="Quality by tool count" flush>
            <QualityGroupsTable groups={report.byToolCount} groupLabel="Tools" testId="quality-by-tools" />
          </Card>
          <Card title="Quality by profile" flush>
            <QualityGroupsTable groups={report.byProfile} groupLabel="Profile" testId="quality-by-profile" />
          </Card>
        </div>
        <Card title="Quality by query length" description="Characters, in bands." flush>
          <QualityGroupsTable groups={report.byLength} groupLabel="Length" testId="quality-by-length" />
        </Card>
        <Card title="Similar queries" description="Nearest neighbours by cosine similarity among embeddings of the same embedding model.">
          <SimilarQueriesSearch query={similar} result={similar ? similarQueries(similar) : null} />
        </Card>
        <Card
          title="Export training data"
          description="One row per query and embedding model, labelled by the query's latest thumbs or rating (empty when unlabelled). Streamed; the same as GET /api/v1/export/training-data."
        >
          <ExportForm choices={exportChoices()} />
        </Card>
        {canWrite(actor) && (
          <Card
            title="Save a training-data snapshot"
            description={
              <>
                Records these filters (the window as a fixed start instant), the row count and the SHA-256 of the exported bytes, so a training run can cite
                exactly what it was trained on and a re-export can be checked against it. <Link href="/features/snapshots">All snapshots</Link>
              </>
            }
          >
            <SaveSnapshotForm choices={exportChoices()} />
          </Card>
        )}
      </div>
    </>
  );
}
