"use client";

import {
  columnVisibilityFeature,
  createColumnHelper,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
} from "@tanstack/react-table";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { Badge } from "@/components/ui/badge";
import { formatCount, formatPercent } from "@/lib/format";
import { MODEL_TYPE_LABELS } from "@/lib/runs/model-types";
import { hpFieldId, hpKeyOf, isStandardColumnId, standardColumn, STANDARD_COLUMNS, type StandardColumnId } from "@/lib/runs/run-fields";
import { exactRunValue, formatHyperparameter, formatRunValue } from "@/lib/runs/runs-format";
import type { RunListRow } from "@/lib/runs/runs-query";
import styles from "./runs.module.css";

/** Server-driven: sorting and pagination state only, no client row models; selection and visibility in the page. */
export const runsTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature, rowSelectionFeature, columnVisibilityFeature });
export type RunsTableFeatures = typeof runsTableFeatures;

const helper = createColumnHelper<RunsTableFeatures, RunListRow>();

const VALUE_OF: Record<StandardColumnId, (row: RunListRow) => string | number | null> = {
  type: (row) => row.modelType,
  version: (row) => row.modelVersion,
  started: (row) => row.startedAt,
  completed: (row) => row.completedAt,
  duration: (row) => row.durationMs,
  accuracy: (row) => row.accuracy,
  precision: (row) => row.precision,
  recall: (row) => row.recall,
  f1: (row) => row.f1,
  training_loss: (row) => row.trainingLoss,
  validation_loss: (row) => row.validationLoss,
  samples: (row) => row.trainingSamples,
  feature_set: (row) => row.featureSetVersion,
  live_accuracy: (row) => row.liveAccuracy,
  notes: (row) => row.notes,
};

/** Right-aligned, tabular figures: the numeric columns. */
export function isNumericColumn(id: string): boolean {
  if (!isStandardColumnId(id)) return false;
  return ["ratio", "loss", "count", "duration"].includes(standardColumn(id).kind);
}

const Missing = () => (
  <span className={styles.missing} aria-label="none">
    —
  </span>
);

function Checkbox({ checked, indeterminate = false, label, onChange }: { checked: boolean; indeterminate?: boolean; label: string; onChange: (event: unknown) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return <input ref={ref} type="checkbox" className={styles.checkbox} checked={checked} onChange={onChange} aria-label={label} />;
}

function StandardCell({ id, row }: { id: StandardColumnId; row: RunListRow }) {
  const value = VALUE_OF[id](row);
  switch (id) {
    case "type":
      return <Badge>{MODEL_TYPE_LABELS[row.modelType]}</Badge>;
    case "version":
      return (
        // The run pages are their own routes; prefetching a table's worth of them would cost more than it saves.
        <Link href={`/runs/${encodeURIComponent(row.id)}`} prefetch={false} className={styles.version}>
          {row.modelVersion}
        </Link>
      );
    case "live_accuracy":
      return row.liveAccuracy === null ? (
        <Missing />
      ) : (
        <span title={`${formatCount(Math.round(row.liveAccuracy * row.labelledPredictions))} of ${formatCount(row.labelledPredictions)} labelled predictions correct`}>
          {formatPercent(row.liveAccuracy)}
        </span>
      );
    case "notes":
      return value === null ? <Missing /> : <span className={styles.notes} title={String(value)}>{value}</span>;
    default: {
      const { kind } = standardColumn(id);
      const text = formatRunValue(kind, value);
      if (text === null) return <Missing />;
      return kind === "date" ? (
        <time dateTime={String(value)} title={String(value)}>
          {text}
        </time>
      ) : (
        <span title={exactRunValue(kind, value)}>{text}</span>
      );
    }
  }
}

function selectionColumn() {
  return helper.display({
    id: "select",
    enableSorting: false,
    enableHiding: false,
    header: ({ table }) => (
      <Checkbox
        checked={table.getIsAllPageRowsSelected()}
        indeterminate={table.getIsSomePageRowsSelected()}
        label="Select all runs on this page"
        onChange={table.getToggleAllPageRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <Checkbox
        checked={row.getIsSelected()}
        label={`Select ${MODEL_TYPE_LABELS[row.original.modelType].toLowerCase()} ${row.original.modelVersion}`}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  });
}

/** The runs table's columns: selection, every standard column (hidden ones stay defined), the picked hyperparameters. */
export function runsColumns(hpKeys: readonly string[]) {
  return helper.columns([
    selectionColumn(),
    ...STANDARD_COLUMNS.map((column) =>
      helper.accessor((row) => VALUE_OF[column.id](row), {
        id: column.id,
        header: column.label,
        sortDescFirst: column.descFirst,
        enableHiding: column.id !== "version",
        cell: ({ row }) => <StandardCell id={column.id} row={row.original} />,
      }),
    ),
    ...hpKeys.map((key) =>
      helper.accessor((row) => formatHyperparameter(row.hyperparameters[key]), {
        id: hpFieldId(key),
        header: key,
        sortDescFirst: false,
        cell: ({ getValue }) => {
          const text = getValue();
          return text === null ? <Missing /> : <span className={styles.hpValue}>{text}</span>;
        },
      }),
    ),
  ]);
}

/** The column's name as people read it in the header: a standard label or the hyperparameter key. */
export function columnHeaderLabel(id: string): string {
  return hpKeyOf(id) ?? (isStandardColumnId(id) ? standardColumn(id).label : id);
}
