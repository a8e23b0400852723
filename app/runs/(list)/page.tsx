import type { Metadata } from "next";
import { Suspense } from "react";
import { NoRunsYet } from "@/components/runs/no-runs-yet";
import { RunsResults } from "@/components/runs/runs-results";
import { RunsTableSkeleton } from "@/components/runs/runs-skeleton";
import { RunsViewProvider } from "@/components/runs/runs-view-context";
import { RunsToolbar } from "@/components/runs/toolbar";
import { ViewIssues } from "@/components/runs/view-issues";
import { navItem } from "@/components/shell/nav-items";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { parseRunsView } from "@/lib/runs/run-search-params";
import { countAllRuns } from "@/lib/runs/runs-query";
import { requireViewer } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer();
  const { view, issues } = parseRunsView(await searchParams);
  const { summary } = navItem("/runs");
  const header = (
    <PageHeader
      title="Runs"
      description={summary}
      aside={
        // The register form is its own route; no prefetch from every visit of the list.
        <ButtonLink href="/runs/new" variant="primary" prefetch={false}>
          Register run
        </ButtonLink>
      }
    />
  );
  if ((await countAllRuns()) === 0) {
    return (
      <>
        {header}
        <NoRunsYet />
      </>
    );
  }
  return (
    <>
      {header}
      <RunsViewProvider view={view}>
        {issues.length > 0 && <ViewIssues issues={issues} />}
        <RunsToolbar />
        <Suspense fallback={<RunsTableSkeleton />}>
          <RunsResults view={view} />
        </Suspense>
      </RunsViewProvider>
    </>
  );
}
