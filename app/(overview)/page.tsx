import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { EmptyDatabase } from "@/components/overview/empty-database";
import { HeadlineFigures } from "@/components/overview/headline-figures";
import { LiveAccuracyCard } from "@/components/overview/live-accuracy-card";
import { CardSkeleton, HeadlineFiguresSkeleton, WideCardSkeleton } from "@/components/overview/overview-skeletons";
import { OverviewGrid } from "@/components/overview/overview-grid";
import { QueriesPerDayCard } from "@/components/overview/queries-per-day-card";
import { RunningAbTestsCard } from "@/components/overview/running-ab-tests-card";
import { RunsByTypeCard } from "@/components/overview/runs-by-type-card";
import { SectionLinks } from "@/components/overview/section-links";
import { navItem } from "@/components/shell/nav-items";
import { PageHeader } from "@/components/ui/page-header";
import { formatUtcMinute } from "@/lib/format";
import { isEmptyDatabase, recordCounts } from "@/lib/overview/record-counts";
import { requireViewer } from "@/lib/auth/guard";

// The layout's title template applies to nested segments only, not to the page beside it.
export const metadata: Metadata = { title: { absolute: "Overview · RALL Dashboard" } };

export default async function OverviewPage() {
  await requireViewer();
  await connection();
  const { summary } = navItem("/");
  const counts = await recordCounts();
  if (isEmptyDatabase(counts)) {
    return (
      <>
        <PageHeader title="Overview" description={summary} />
        <EmptyDatabase />
      </>
    );
  }
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Overview"
        description={summary}
        aside={
          <>
            As of <time dateTime={now.toISOString()}>{formatUtcMinute(now.toISOString())}</time>
          </>
        }
      />
      <OverviewGrid>
        <Suspense fallback={<HeadlineFiguresSkeleton />}>
          <HeadlineFigures now={now} counts={counts} />
        </Suspense>
        <Suspense fallback={<WideCardSkeleton />}>
          <LiveAccuracyCard />
        </Suspense>
        <Suspense fallback={<CardSkeleton />}>
          <RunsByTypeCard />
        </Suspense>
        <Suspense fallback={<WideCardSkeleton height={300} />}>
          <QueriesPerDayCard now={now} />
        </Suspense>
        <Suspense fallback={<CardSkeleton height={300} />}>
          <RunningAbTestsCard />
        </Suspense>
        <Suspense fallback={null}>
          <SectionLinks counts={counts} />
        </Suspense>
      </OverviewGrid>
    </>
  );
}
