import Link from "next/link";
import { abTestsViewHref, AB_PAGE_SIZE, type AbTestsView } from "@/lib/ab-tests/list-params";
import { formatCount } from "@/lib/format";
import runsStyles from "@/components/runs/runs.module.css";

/** Position in the list and links to the previous and next pages. */
export function PageLinks({ view, page, pageCount, total }: { view: AbTestsView; page: number; pageCount: number; total: number }) {
  const first = total === 0 ? 0 : (page - 1) * AB_PAGE_SIZE + 1;
  const last = Math.min(total, page * AB_PAGE_SIZE);
  return (
    <nav className={runsStyles.pagination} aria-label="Pagination">
      <p className={`${runsStyles.pageStatus} num`} data-testid="page-status">
        {formatCount(first)}–{formatCount(last)} of {formatCount(total)} {total === 1 ? "test" : "tests"} · page {formatCount(page)} of {formatCount(pageCount)}
      </p>
      <div className={runsStyles.pageButtons}>
        {page > 1 ? (
          <Link className={runsStyles.iconButton} href={abTestsViewHref({ ...view, page: page - 1 })} aria-label="Previous page" title="Previous page">
            ‹
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link className={runsStyles.iconButton} href={abTestsViewHref({ ...view, page: page + 1 })} aria-label="Next page" title="Next page">
            ›
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
