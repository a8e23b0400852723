"use client";

import { functionalUpdate, useTable, type Header, type SortingState } from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { useMemo, useTransition } from "react";
import { SortableHeaderCell } from "@/components/runs/sortable-header-cell";
import runsStyles from "@/components/runs/runs.module.css";
import stacked from "@/components/ui/stacked-table.module.css";
import type { AbTestListRow } from "@/lib/ab-tests/ab-tests-list";
import { abTestsViewHref, AB_SORT_KEYS, type AbSortKey, type AbTestsView } from "@/lib/ab-tests/list-params";
import { abTestsColumns, abTestsTableFeatures, COLUMN_LABELS, NUMERIC_COLUMNS, type AbTestsTableFeatures } from "./columns";

const isSortKey = (id: string): id is AbSortKey => (AB_SORT_KEYS as readonly string[]).includes(id);

/**
 * The A/B tests table, server-driven: the rows are the page the server filtered, sorted and paged for the URL;
 * TanStack Table holds the sort state (manualSorting) and a change of it becomes a new URL, back on page 1.
 */
export function AbTestsTable({ rows, total, view }: { rows: AbTestListRow[]; total: number; view: AbTestsView }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const sorting = useMemo<SortingState>(() => [{ id: view.sort, desc: view.desc }], [view.sort, view.desc]);
  const table = useTable({
    features: abTestsTableFeatures,
    columns: abTestsColumns,
    data: rows,
    getRowId: (row) => row.id,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: (updater) => {
      const [next] = functionalUpdate(updater, sorting);
      if (!next || !isSortKey(next.id)) return;
      startTransition(() => router.push(abTestsViewHref({ ...view, sort: next.id as AbSortKey, desc: next.desc, page: 1 }), { scroll: false }));
    },
  });
  return (
    <div className={runsStyles.tableScroll} aria-busy={isPending} data-pending={isPending || undefined}>
      <table className={`${runsStyles.table} ${stacked.grid}`} data-testid="ab-tests-table" aria-rowcount={total + 1}>
        <caption className="visually-hidden">
          A/B tests, sorted by {COLUMN_LABELS[view.sort]} {view.desc ? "descending" : "ascending"}
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
            <tr key={row.id} data-testid="ab-test-row" data-test-id={row.id}>
              {row.getAllCells().map((cell) => (
                <td
                  key={cell.id}
                  className={NUMERIC_COLUMNS.has(cell.column.id) ? `${runsStyles.numeric} num` : undefined}
                  data-column={cell.column.id}
                  data-label={COLUMN_LABELS[cell.column.id]}
                >
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HeaderCell({ header }: { header: Header<AbTestsTableFeatures, AbTestListRow, unknown> }) {
  const className = NUMERIC_COLUMNS.has(header.id) ? runsStyles.numeric : undefined;
  return <SortableHeaderCell header={header} label={COLUMN_LABELS[header.column.id] ?? header.column.id} className={className} />;
}
