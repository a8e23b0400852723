"use client";

import { functionalUpdate, useTable, type Header, type PaginationState, type RowSelectionState, type SortingState } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { formatCount } from "@/lib/format";
import { STANDARD_COLUMN_IDS } from "@/lib/runs/run-fields";
import type { RunListRow } from "@/lib/runs/runs-query";
import { columnHeaderLabel, isNumericColumn, runsColumns, runsTableFeatures, type RunsTableFeatures } from "./columns";
import { PageControls } from "./pagination";
import { useRunsView } from "./runs-view-context";
import { SortableHeaderCell } from "./sortable-header-cell";
import styles from "./runs.module.css";

export const COMPARE_LIMITS = { min: 2, max: 10 } as const;

type RunsDataTableProps = { rows: RunListRow[]; rowCount: number; page: number; pageCount: number };

/**
 * The runs table, server-driven: the rows are the page the server sorted, filtered and paged for the URL's view;
 * TanStack Table holds that state (manualSorting, manualPagination, rowCount) and every change of it becomes a
 * new URL. Selection is the one piece of client state, kept across pages for the compare link.
 */
export function RunsDataTable({ rows, rowCount, page, pageCount }: RunsDataTableProps) {
  const { view, update } = useRunsView();
  const hpList = view.hp.join("\n");
  const columns = useMemo(() => runsColumns(hpList ? hpList.split("\n") : []), [hpList]);
  const sorting = useMemo<SortingState>(() => [{ id: view.sort.id, desc: view.sort.desc }], [view.sort.id, view.sort.desc]);
  const pagination = useMemo<PaginationState>(() => ({ pageIndex: page - 1, pageSize: view.size }), [page, view.size]);
  const columnVisibility = useMemo(
    () => Object.fromEntries(STANDARD_COLUMN_IDS.map((id) => [id, view.columns.includes(id)])),
    [view.columns],
  );
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});

  const table = useTable({
    features: runsTableFeatures,
    columns,
    data: rows,
    rowCount,
    getRowId: (row) => row.id,
    manualSorting: true,
    manualPagination: true,
    autoResetPageIndex: false,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting, pagination, columnVisibility, rowSelection },
    onSortingChange: (updater) => {
      const [next] = functionalUpdate(updater, sorting);
      if (next) update({ sort: { id: next.id, desc: next.desc } });
    },
    onPaginationChange: (updater) => {
      const next = functionalUpdate(updater, pagination);
      update(next.pageSize !== view.size ? { size: next.pageSize as typeof view.size } : { page: next.pageIndex + 1 });
    },
    onRowSelectionChange: setRowSelection,
  });

  const selected = table.getSelectedRowIds();
  return (
    <>
      <CompareBar selected={selected} onClear={() => table.resetRowSelection(true)} />
      <div className={styles.tableScroll}>
        <table className={styles.table} data-testid="runs-table" aria-rowcount={rowCount + 1}>
          <caption className="visually-hidden">
            Training runs, sorted by {columnHeaderLabel(view.sort.id)} {view.sort.desc ? "descending" : "ascending"}
          </caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <HeaderCell key={header.id} header={header} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-testid="run-row" data-run-id={row.id} data-selected={row.getIsSelected() || undefined}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={cellClass(cell.column.id)} data-column={cell.column.id}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PageControls
        page={page}
        pageCount={pageCount}
        pageSize={view.size}
        total={rowCount}
        noun="run"
        onPage={(next) => table.setPageIndex(next - 1)}
        onPageSize={(size) => table.setPageSize(size)}
      />
    </>
  );
}

function cellClass(id: string): string | undefined {
  if (id === "select") return styles.selectCell;
  return isNumericColumn(id) ? `${styles.numeric} num` : undefined;
}

function HeaderCell({ header }: { header: Header<RunsTableFeatures, RunListRow, unknown> }) {
  const className = header.id === "select" ? styles.selectCell : isNumericColumn(header.id) ? styles.numeric : undefined;
  return <SortableHeaderCell header={header} label={columnHeaderLabel(header.column.id)} className={className} />;
}

/** How many runs are selected (on any page), and the link to compare them when there are 2 to 10. */
function CompareBar({ selected, onClear }: { selected: string[]; onClear: () => void }) {
  const count = selected.length;
  const ready = count >= COMPARE_LIMITS.min && count <= COMPARE_LIMITS.max;
  const hint =
    count === 0
      ? `Select ${COMPARE_LIMITS.min}–${COMPARE_LIMITS.max} runs to compare them side by side.`
      : count < COMPARE_LIMITS.min
        ? `Select at least ${COMPARE_LIMITS.min} runs to compare.`
        : count > COMPARE_LIMITS.max
          ? `Compare takes at most ${COMPARE_LIMITS.max} runs; deselect ${count - COMPARE_LIMITS.max}.`
          : null;
  return (
    <div className={styles.compareBar} data-testid="compare-bar">
      <p aria-live="polite">
        {count > 0 && <strong className="num">{formatCount(count)} selected. </strong>}
        {hint}
      </p>
      <div className={styles.compareActions}>
        {count > 0 && (
          <button type="button" className={styles.linkButton} onClick={onClear}>
            Clear selection
          </button>
        )}
        {ready ? (
          <Link className={styles.primaryAction} href={`/runs/compare?ids=${selected.map(encodeURIComponent).join(",")}`} prefetch={false}>
            Compare {formatCount(count)} runs
          </Link>
        ) : (
          <button type="button" className={styles.primaryAction} disabled>
            Compare
          </button>
        )}
      </div>
    </div>
  );
}
