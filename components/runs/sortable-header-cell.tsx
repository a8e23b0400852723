"use client";

import { FlexRender, type Header, type RowData, type TableFeatures } from "@tanstack/react-table";
import styles from "./runs.module.css";

/**
 * A column header of a server-sorted table: a button that toggles the sort, `aria-sort` on the cell, and an
 * indicator; a plain header when the column does not sort. Shared by the runs and A/B tests tables.
 */
/** The sorting API the row-sorting feature adds to a column; generic feature sets do not narrow to it. */
type SortableColumn = {
  id: string;
  getCanSort: () => boolean;
  getIsSorted: () => false | "asc" | "desc";
  getFirstSortDir: () => "asc" | "desc";
  getToggleSortingHandler: () => ((event: unknown) => void) | undefined;
};

export function SortableHeaderCell<Features extends TableFeatures, Row extends RowData>({
  header,
  label,
  className,
}: {
  header: Header<Features, Row, unknown>;
  /** The column's name in "Sort by …, descending". */
  label: string;
  className?: string;
}) {
  // Both tables register rowSortingFeature, so their columns carry this API.
  const column = header.column as unknown as SortableColumn;
  if (!column.getCanSort()) {
    return (
      <th scope="col" className={className}>
        <FlexRender header={header} />
      </th>
    );
  }
  const sorted = column.getIsSorted();
  const next = sorted ? (sorted === "desc" ? "ascending" : "descending") : column.getFirstSortDir() === "desc" ? "descending" : "ascending";
  return (
    <th scope="col" className={className} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"} data-column={column.id}>
      <button type="button" className={styles.sortButton} onClick={column.getToggleSortingHandler()} title={`Sort by ${label}, ${next}`}>
        <FlexRender header={header} />
        <SortIndicator direction={sorted} />
      </button>
    </th>
  );
}

function SortIndicator({ direction }: { direction: false | "asc" | "desc" }) {
  return (
    <svg className={styles.sortIcon} data-active={direction || undefined} viewBox="0 0 12 12" width="12" height="12" aria-hidden="true">
      <path d="M6 2 9 5H3z" opacity={direction === "desc" ? 0.25 : 1} />
      <path d="M6 10 3 7h6z" opacity={direction === "asc" ? 0.25 : 1} />
    </svg>
  );
}
