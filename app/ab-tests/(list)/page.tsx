import type { Metadata } from "next";
import { AbTestsTable } from "@/components/ab-tests/list/ab-tests-table";
import { NoAbTests } from "@/components/ab-tests/list/no-ab-tests";
import { PageLinks } from "@/components/ab-tests/list/page-links";
import { StatusFilter } from "@/components/ab-tests/list/status-filter";
import styles from "@/components/ab-tests/ab-tests.module.css";
import { navItem } from "@/components/shell/nav-items";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listAbTests } from "@/lib/ab-tests/ab-tests-list";
import { parseAbTestsView } from "@/lib/ab-tests/list-params";
import { formatCountOf } from "@/lib/format";
import { requireViewer } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "A/B tests" };

export default async function AbTestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer();
  const view = parseAbTestsView(await searchParams);
  const list = await listAbTests(view);
  const recorded = list.counts.running + list.counts.closed;
  const header = (
    <PageHeader
      title="A/B tests"
      description={recorded === 0 ? navItem("/ab-tests").summary : `${formatCountOf(recorded, "A/B test")} recorded: ${list.counts.running} running, ${list.counts.closed} closed. p-values are fixed-horizon.`}
      aside={
        <ButtonLink href="/ab-tests/new" variant="primary" prefetch={false}>
          Start a test
        </ButtonLink>
      }
    />
  );
  if (recorded === 0) {
    return (
      <>
        {header}
        <NoAbTests />
      </>
    );
  }
  return (
    <>
      {header}
      <div className={styles.toolbar}>
        <StatusFilter view={{ ...view, page: list.page }} counts={list.counts} />
      </div>
      {list.rows.length === 0 ? (
        <EmptyState title={`No ${view.status} A/B tests`} data-testid="ab-tests-filter-empty" actions={<ButtonLink href="/ab-tests">Show all tests</ButtonLink>}>
          <p>{view.status === "running" ? "Every test has been decided. Start a new one to compare versions." : "No test has been decided yet."}</p>
        </EmptyState>
      ) : (
        <>
          <AbTestsTable rows={list.rows} total={list.total} view={{ ...view, page: list.page }} />
          <PageLinks view={view} page={list.page} pageCount={list.pageCount} total={list.total} />
        </>
      )}
    </>
  );
}
