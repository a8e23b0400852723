import type { Metadata } from "next";
import { ComparablePairs } from "@/components/predictions/compare/comparable-pairs";
import { DisagreementsTable } from "@/components/predictions/compare/disagreements-table";
import { PairedSummary, PairedTable } from "@/components/predictions/compare/paired-table";
import { NoPredictionsYet } from "@/components/predictions/no-predictions-yet";
import { PageLinks } from "@/components/predictions/page-links";
import styles from "@/components/predictions/predictions.module.css";
import { VersionPicker } from "@/components/predictions/version-picker";
import { ViewIssues } from "@/components/predictions/view-issues";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { comparablePairs } from "@/lib/predictions/comparable-pairs";
import { DISAGREEMENTS_PAGE_SIZE, pairedComparison } from "@/lib/predictions/paired-comparison";
import { versionsWithPredictions } from "@/lib/predictions/run-performance";
import { requireViewer } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Compare two versions" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const text = (value: string | string[] | undefined) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);

export default async function ComparePage({ searchParams }: Props) {
  await requireViewer();
  const params = await searchParams;
  const versions = await versionsWithPredictions();
  const header = (
    <PageHeader
      title="Compare two versions"
      description="Two versions of one model type on the queries both answered: where they agree, where they disagree, and whether the difference is more than chance (McNemar's exact test)."
      aside={<ButtonLink href="/predictions">All predictions</ButtonLink>}
    />
  );
  if (versions.length === 0) {
    return (
      <>
        {header}
        <NoPredictionsYet />
      </>
    );
  }
  // By default, the pair with the most shared labelled queries; else the two newest versions of one model type.
  const pairs = await comparablePairs();
  const fallback = versions.find((version, i) => versions[i + 1]?.modelType === version.modelType);
  const a = text(params.a) ?? pairs[0]?.a.id ?? (fallback ? versions[versions.indexOf(fallback) + 1]!.id : versions[0]!.id);
  const b = text(params.b) ?? pairs[0]?.b.id ?? fallback?.id ?? versions[0]!.id;
  const pageText = text(params.page);
  const page = pageText !== null && /^\d{1,7}$/.test(pageText) ? Number(pageText) : 1;
  const issues = pageText !== null && !/^\d{1,7}$/.test(pageText) ? [`Page "${pageText}" is not a page number; showing page 1.`] : [];
  const result = await pairedComparison({ a, b, page });
  const picker = (
    <VersionPicker
      action="/predictions/compare"
      fields={[
        { name: "a", label: "Version A", value: a },
        { name: "b", label: "Version B", value: b },
      ]}
      versions={versions}
      submit="Compare"
    />
  );
  return (
    <>
      {header}
      <div className={styles.stack}>
        <Card title="Versions">{picker}</Card>
        <ComparablePairs pairs={pairs} current={{ a, b }} />
        <ViewIssues issues={issues} />
        {!result.ok ? (
          <div className={styles.issues} role="alert" data-testid="compare-problem">
            {result.message}
          </div>
        ) : result.comparison.pairs === 0 ? (
          <EmptyState title="No shared labelled queries" data-testid="no-pairs">
            <p>
              {result.comparison.a.modelVersion} and {result.comparison.b.modelVersion} have no query that both answered and that has ground truth
              ({result.comparison.sharedQueries} answered by both). Shadow-deploy one beside the other, or label their shared queries.
            </p>
          </EmptyState>
        ) : (
          <>
            <Card title="Right and wrong on the same queries">
              <PairedTable comparison={result.comparison} />
              <PairedSummary comparison={result.comparison} />
            </Card>
            <Card title="Where they disagree" description="Queries where exactly one of the two was right, newest first." flush>
              <DisagreementsTable rows={result.comparison.disagreements.rows} versionA={result.comparison.a.modelVersion} versionB={result.comparison.b.modelVersion} />
              <PageLinks
                page={result.comparison.disagreements.page}
                pageCount={result.comparison.disagreements.pageCount}
                total={result.comparison.disagreements.total}
                pageSize={DISAGREEMENTS_PAGE_SIZE}
                noun="disagreement"
                href={(target) => `/predictions/compare?${new URLSearchParams({ a, b, page: String(target) })}`}
              />
            </Card>
          </>
        )}
      </div>
    </>
  );
}
