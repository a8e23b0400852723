import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { describeFilter } from "@/lib/runs/run-filters";
import { runsViewHref, withView, type RunsView } from "@/lib/runs/run-search-params";
import { runGroupsPage } from "@/lib/runs/run-groups";
import { runsPage } from "@/lib/runs/runs-query";
import { RunsDataTable } from "./data-table";
import { RunGroupView } from "./group-view";
import { PendingRegion } from "./runs-view-context";
import styles from "./runs.module.css";

/** The runs (or groups) of the URL's view, read on the server; streamed in behind the table skeleton. */
export async function RunsResults({ view }: { view: RunsView }) {
  if (view.group) {
    const data = await runGroupsPage({ ...view, group: view.group });
    if (data.groupCount === 0) return <NoMatchingRuns view={view} />;
    return (
      <PendingRegion className={styles.results}>
        <RunGroupView groups={data.groups} groupCount={data.groupCount} runCount={data.runCount} page={data.page} pageCount={data.pageCount} />
      </PendingRegion>
    );
  }
  const data = await runsPage(view);
  if (data.rowCount === 0) return <NoMatchingRuns view={view} />;
  return (
    <PendingRegion className={styles.results}>
      <RunsDataTable rows={data.rows} rowCount={data.rowCount} page={data.page} pageCount={data.pageCount} />
    </PendingRegion>
  );
}

function NoMatchingRuns({ view }: { view: RunsView }) {
  const criteria = [view.filter.length > 0 ? describeFilter(view.filter) : null, view.q ? `search “${view.q}”` : null].filter(Boolean);
  return (
    <PendingRegion>
      <EmptyState
        title="No runs match this view"
        data-testid="runs-no-match"
        actions={
          <ButtonLink href={runsViewHref(withView(view, { filter: [], q: "" }))} variant="primary">
            Clear filter and search
          </ButtonLink>
        }
      >
        <p>{criteria.length > 0 ? `Nothing matches ${criteria.join(" and ")}.` : "Nothing matches."}</p>
        <p>Loosen a condition, add an OR group, or clear the filter to see every run.</p>
      </EmptyState>
    </PendingRegion>
  );
}
