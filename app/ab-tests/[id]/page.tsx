import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { CloseAbTestForm } from "@/components/ab-tests/close-ab-test-form";
import { AbTestFigures } from "@/components/ab-tests/detail/ab-test-figures";
import { DecisionCard } from "@/components/ab-tests/detail/decision-card";
import { IntervalsCard } from "@/components/ab-tests/detail/intervals-card";
import { PowerCard } from "@/components/ab-tests/detail/power-card";
import { RatesOverTimeCard } from "@/components/ab-tests/detail/rates-over-time-card";
import { StatisticsCard } from "@/components/ab-tests/detail/statistics-card";
import { AbTestWarnings } from "@/components/ab-tests/detail/warnings";
import { RefreshButton } from "@/components/ab-tests/refresh-button";
import styles from "@/components/ab-tests/ab-tests.module.css";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SkeletonCard } from "@/components/ui/skeleton";
import { abTestById } from "@/lib/ab-tests/ab-test-detail";
import { analysisOf, mdeFromSearchParam } from "@/lib/ab-tests/analysis-of";
import { formatPercent, formatUtcMinute } from "@/lib/format";
import { canWrite, requireViewer } from "@/lib/auth/guard";
import { ReadOnlyNotice } from "@/components/auth/read-only-notice";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const test = await abTestById((await params).id);
  return { title: test ? test.name : "A/B test not found" };
}

// No loading.tsx above this page: the lookup below runs before anything streams, so an unknown id answers 404.
export default async function AbTestPage({ params, searchParams }: Props) {
  const actor = await requireViewer();
  const { id } = await params;
  const test = await abTestById(id);
  if (!test) notFound();
  const mde = mdeFromSearchParam((await searchParams).mde);
  const { fixed, sequential, power, guardrails } = analysisOf(test, mde);
  const running = test.status === "running";

  return (
    <>
      <PageHeader
        title={test.name}
        description={
          <span className={styles.headerMeta}>
            <Badge tone={running ? "accent" : "neutral"} data-testid="status">
              {test.status}
            </Badge>
            <span>
              {test.modelType} <span className={styles.mono}>{test.a.modelVersion}</span> (A) vs <span className={styles.mono}>{test.b.modelVersion}</span> (B),{" "}
              {formatPercent(test.trafficSplit, 0)} of traffic to B
            </span>
            <span>
              since <time dateTime={test.startedAt}>{formatUtcMinute(test.startedAt)}</time>
              {test.endedAt && (
                <>
                  {" "}
                  until <time dateTime={test.endedAt}>{formatUtcMinute(test.endedAt)}</time>
                </>
              )}
            </span>
          </span>
        }
        aside={
          <div className={styles.headerActions}>
            {running && canWrite(actor) && <RefreshButton testId={test.id} />}
            <ButtonLink href="/ab-tests">All A/B tests</ButtonLink>
          </div>
        }
      />
      <AbTestWarnings guardrails={guardrails} closed={!running} />
      <AbTestFigures test={test} analysis={fixed} />
      <div className={styles.grid}>
        {test.decision && (
          <div className={styles.wide}>
            <DecisionCard test={test} />
          </div>
        )}
        <IntervalsCard test={test} fixed={fixed} sequential={sequential} />
        <StatisticsCard fixed={fixed} sequential={sequential} trafficSplit={test.trafficSplit} samples={{ a: test.a.samples, b: test.b.samples }} />
        <PowerCard testId={test.id} power={power} closed={!running} />
        <Suspense fallback={<SkeletonCard lines={4} height={240} />}>
          <RatesOverTimeCard test={test} />
        </Suspense>
        {test.notes && (
          <div className={styles.wide}>
            <Card title="Hypothesis and notes">
              <p className={styles.preLine}>{test.notes}</p>
            </Card>
          </div>
        )}
        {running && (
          <div className={styles.wide}>
            <Card title="Close the test and declare a winner" description="Records who decided, when, why, and the fixed-horizon statistics as they stand now." data-testid="close-card">
              {canWrite(actor) ? (
                <CloseAbTestForm testId={test.id} versions={{ a: test.a.modelVersion, b: test.b.modelVersion }} guardrails={guardrails} mdePoints={mde} decidedBy={actor.username} />
              ) : (
                <ReadOnlyNotice action="close A/B tests" />
              )}
            </Card>
          </div>
        )}
      </div>
    </>
  );
}
