import Link from "next/link";
import { AB_STATUS_FILTERS, abTestsViewHref, type AbTestsView } from "@/lib/ab-tests/list-params";
import { formatCount } from "@/lib/format";
import styles from "../ab-tests.module.css";

const LABELS = { all: "All", running: "Running", closed: "Closed" } as const;

/** Status filter as links, so the filtered view is a URL; a filter change goes back to page 1. */
export function StatusFilter({ view, counts }: { view: AbTestsView; counts: { running: number; closed: number } }) {
  const countOf = { all: counts.running + counts.closed, ...counts };
  return (
    <nav className={styles.filters} aria-label="Filter by status">
      {AB_STATUS_FILTERS.map((status) => (
        <Link key={status} href={abTestsViewHref({ ...view, status, page: 1 })} aria-current={view.status === status ? "page" : undefined} prefetch={false}>
          {LABELS[status]} <span className="num">({formatCount(countOf[status])})</span>
        </Link>
      ))}
    </nav>
  );
}
