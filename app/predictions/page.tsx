import type { Metadata } from "next";
import { CsvUpload } from "@/components/predictions/csv-upload";
import { ExplorerFilters } from "@/components/predictions/explorer-filters";
import { NoPredictionsYet } from "@/components/predictions/no-predictions-yet";
import { PageLinks } from "@/components/predictions/page-links";
import { PredictionsTable } from "@/components/predictions/predictions-table";
import styles from "@/components/predictions/predictions.module.css";
import { ViewIssues } from "@/components/predictions/view-issues";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { explorerQuery, parseExplorerView } from "@/lib/predictions/explorer-params";
import { predictionsPage } from "@/lib/predictions/explorer-query";
import { versionsWithPredictions } from "@/lib/predictions/run-performance";
import { canWrite, requireViewer } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Predictions" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PredictionsPage({ searchParams }: Props) {
  const actor = await requireViewer();
  const { view, issues } = parseExplorerView(await searchParams);
  const versions = await versionsWithPredictions();
  if (view.run && !versions.some((version) => version.id === view.run)) {
    issues.push(`There is no model version with predictions and the id "${view.run}"; showing every version.`);
    view.run = null;
  }
  const page = versions.length === 0 ? null : await predictionsPage(view);
  return (
    <>
      <PageHeader
        title="Predictions"
        description="Every prediction a deployed version made, against its ground truth once recorded. Filter, then label predictions one by one or upload a CSV of actual values."
        aside={
          <>
            <ButtonLink href="/predictions/performance" variant="primary">
              Model performance
            </ButtonLink>
            <ButtonLink href="/predictions/compare">Compare two versions</ButtonLink>
          </>
        }
      />
      {page === null ? (
        <NoPredictionsYet />
      ) : (
        <div className={styles.stack}>
          <ViewIssues issues={issues} />
          <Card title="Filters">
            <ExplorerFilters view={view} versions={versions} />
          </Card>
          {canWrite(actor) && <CsvUpload />}
          <Card title="Predictions" description="Newest first. The verdict is computed by the server from the prediction and the actual value." flush>
            {page.total === 0 ? (
              <EmptyState title="No prediction matches these filters" data-testid="no-matches" actions={<ButtonLink href="/predictions">Reset the filters</ButtonLink>}>
                <p>Widen the confidence range or the dates, or choose another version or status.</p>
              </EmptyState>
            ) : (
              <PredictionsTable rows={page.rows} canLabel={canWrite(actor)} />
            )}
            <PageLinks
              page={page.page}
              pageCount={page.pageCount}
              total={page.total}
              pageSize={page.pageSize}
              noun="prediction"
              href={(target) => `/predictions${explorerQuery(view, { page: target })}`}
            />
          </Card>
        </div>
      )}
    </>
  );
}
