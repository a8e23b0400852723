import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { SeedHint } from "@/components/sections/seed-hint";
import { navItem } from "@/components/shell/nav-items";
import { TelemetryIcon } from "@/components/shell/icons";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CardSkeleton } from "@/components/overview/overview-skeletons";
import { LatencyChart, RatesChart, VolumeChart } from "@/components/telemetry/daily-charts";
import { RecomputeButton } from "@/components/telemetry/recompute-button";
import { DistributionCard, RecentSessionsCard, ThinktoolCard, ToolPerformanceCard } from "@/components/telemetry/tables";
import styles from "@/components/telemetry/telemetry.module.css";
import { formatCount, formatUtcMinute } from "@/lib/format";
import { telemetryOverview } from "@/lib/telemetry/telemetry-overview";
import panel from "@/components/ui/panel.module.css";
import { canWrite, requireViewer } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Telemetry" };

const DAYS = 30;

export default async function TelemetryPage() {
  const actor = await requireViewer();
  await connection();
  const { summary } = navItem("/telemetry");
  const overview = await telemetryOverview(DAYS);
  const header = (
    <PageHeader
      title="Telemetry"
      description={summary}
      aside={
        overview.lastComputedAt && (
          <div className={styles.headerAside}>
            <span>
              Aggregates computed <time dateTime={overview.lastComputedAt}>{formatUtcMinute(overview.lastComputedAt)}</time>
            </span>
            {canWrite(actor) && <RecomputeButton />}
          </div>
        )
      }
    />
  );
  if (overview.days.length === 0) {
    return (
      <>
        {header}
        <EmptyState icon={<TelemetryIcon width={22} height={22} />} title="No daily aggregates yet" data-testid="telemetry-empty" actions={canWrite(actor) ? <RecomputeButton /> : undefined}>
          <p>Daily figures are computed from the raw sessions, queries, feedback and tool usage. Recompute once telemetry has arrived.</p>
          <SeedHint />
        </EmptyState>
      </>
    );
  }
  const totalQueries = overview.days.reduce((sum, day) => sum + day.queries, 0);
  const first = overview.days[0]!.date;
  const last = overview.days.at(-1)!.date;
  return (
    <>
      {header}
      <div className={panel.grid}>
        <Card
          title="Queries and sessions per day"
          description={
            <>
              <span className="num" data-testid="telemetry-total-queries">{formatCount(totalQueries)}</span> queries over the last {overview.days.length} computed days ({first} to {last}, UTC)
            </>
          }
          className={panel.wide}
          data-testid="telemetry-volume"
        >
          <div className={styles.chart}>
            <VolumeChart data={overview.days} />
          </div>
        </Card>
        <Card title="Latency percentiles" description="p50, p95 and p99 per day in milliseconds: true order statistics of the day's query latencies" data-testid="telemetry-latency">
          <div className={styles.chart}>
            <LatencyChart data={overview.days} />
          </div>
        </Card>
        <Card title="Errors and feedback" description="Share of queries with an error; thumbs up among thumbs" data-testid="telemetry-rates">
          <div className={styles.chart}>
            <RatesChart data={overview.days} />
          </div>
        </Card>
        <DistributionCard title="Query types" description={`Queries by type over these ${overview.days.length} days`} data={overview.queryTypes} testId="query-type-distribution" />
        <DistributionCard title="Tools" description={`Tool invocations by tool over these ${overview.days.length} days`} data={overview.tools} testId="tool-distribution" />
        <Suspense fallback={<CardSkeleton />}>
          <ToolPerformanceCard />
        </Suspense>
        <Suspense fallback={<CardSkeleton />}>
          <ThinktoolCard />
        </Suspense>
        <Suspense fallback={<CardSkeleton />}>
          <RecentSessionsCard />
        </Suspense>
      </div>
    </>
  );
}
