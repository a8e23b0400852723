"use client";

import { formatCount } from "@/lib/format";
import { PAGE_SIZES, type PageSize } from "@/lib/runs/run-fields";
import styles from "./runs.module.css";

type PageControlsProps = {
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  /** "run" → "runs". */
  noun: string;
  onPage: (page: number) => void;
  onPageSize: (size: PageSize) => void;
};

/** Page size, position and first/previous/next/last, for the runs table and the grouped view alike. */
export function PageControls({ page, pageCount, pageSize, total, noun, onPage, onPageSize }: PageControlsProps) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className={styles.pagination} aria-label="Pagination">
      <label className={styles.pageSize}>
        Rows per page
        <select value={pageSize} onChange={(event) => onPageSize(Number(event.target.value) as PageSize)} className={styles.select}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
      <p className={`${styles.pageStatus} num`} data-testid="page-status" aria-live="polite">
        {formatCount(first)}–{formatCount(last)} of {formatCount(total)} {total === 1 ? noun : `${noun}s`} · page {formatCount(page)} of{" "}
        {formatCount(pageCount)}
      </p>
      <div className={styles.pageButtons}>
        <PageButton label="First page" disabled={page <= 1} onClick={() => onPage(1)}>
          «
        </PageButton>
        <PageButton label="Previous page" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          ‹
        </PageButton>
        <PageButton label="Next page" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
          ›
        </PageButton>
        <PageButton label="Last page" disabled={page >= pageCount} onClick={() => onPage(pageCount)}>
          »
        </PageButton>
      </div>
    </nav>
  );
}

function PageButton({ label, disabled, onClick, children }: { label: string; disabled: boolean; onClick: () => void; children: string }) {
  return (
    <button type="button" className={styles.iconButton} aria-label={label} title={label} disabled={disabled} onClick={onClick}>
      <span aria-hidden="true">{children}</span>
    </button>
  );
}
