"use client";

import { createColumnHelper, rowSortingFeature, tableFeatures } from "@tanstack/react-table";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { AbTestListRow } from "@/lib/ab-tests/ab-tests-list";
import { formatPValue } from "@/lib/ab-tests/format-stats";
import { AB_SORT_DESC_FIRST, type AbSortKey } from "@/lib/ab-tests/list-params";
import { formatChange, formatCount, formatDay, formatExact, formatPercent, formatUtcMinute } from "@/lib/format";
import styles from "../ab-tests.module.css";

/** Server-driven: sorting state only; the server sorted, filtered and paged the rows. */
export const abTestsTableFeatures = tableFeatures({ rowSortingFeature });
export type AbTestsTableFeatures = typeof abTestsTableFeatures;

const helper = createColumnHelper<AbTestsTableFeatures, AbTestListRow>();

export const NUMERIC_COLUMNS = new Set(["samples", "rateA", "rateB", "lift", "pvalue"]);

export const COLUMN_LABELS: Record<string, string> = {
  status: "Status",
  name: "Name",
  versions: "Versions",
  started: "Started",
  samples: "Samples",
  rateA: "Rate A",
  rateB: "Rate B",
  lift: "Lift",
  pvalue: "p-value",
  winner: "Winner",
};

const Missing = () => (
  <span className={styles.muted} aria-label="none">
    —
  </span>
);

const rate = (value: number | null) => (value === null ? <Missing /> : <span title={formatExact(value)}>{formatPercent(value, 1)}</span>);

const sortable = (id: AbSortKey) => ({ id, enableSorting: true, sortDescFirst: AB_SORT_DESC_FIRST[id] });

export const abTestsColumns = helper.columns([
  helper.accessor((row) => row.status, {
    ...sortable("status"),
    header: COLUMN_LABELS.status,
    cell: ({ row }) => <Badge tone={row.original.status === "running" ? "accent" : "neutral"}>{row.original.status}</Badge>,
  }),
  helper.accessor((row) => row.name, {
    ...sortable("name"),
    header: COLUMN_LABELS.name,
    cell: ({ row }) => (
      <Link href={`/ab-tests/${row.original.id}`} prefetch={false}>
        {row.original.name}
      </Link>
    ),
  }),
  helper.display({
    id: "versions",
    enableSorting: false,
    header: COLUMN_LABELS.versions,
    cell: ({ row }) => (
      <span className={styles.versions} title={row.original.modelType}>
        {row.original.a.modelVersion} <span className={styles.muted}>vs</span> {row.original.b.modelVersion}
      </span>
    ),
  }),
  helper.accessor((row) => row.startedAt, {
    ...sortable("started"),
    header: COLUMN_LABELS.started,
    cell: ({ row }) => (
      <time className={styles.nowrap} dateTime={row.original.startedAt} title={formatUtcMinute(row.original.startedAt)}>
        {formatDay(row.original.startedAt.slice(0, 10))}
      </time>
    ),
  }),
  helper.accessor((row) => row.a.samples + row.b.samples, {
    ...sortable("samples"),
    header: COLUMN_LABELS.samples,
    cell: ({ row }) => (
      <span title={`A ${formatCount(row.original.a.samples)}, B ${formatCount(row.original.b.samples)}`}>
        {formatCount(row.original.a.samples + row.original.b.samples)}
        {row.original.analysis.srm.mismatch && (
          <Badge tone="warning" title="Sample-ratio mismatch: the split is not the planned one">
            SRM
          </Badge>
        )}
      </span>
    ),
  }),
  helper.display({ id: "rateA", enableSorting: false, header: COLUMN_LABELS.rateA, cell: ({ row }) => rate(row.original.analysis.a.rate) }),
  helper.display({ id: "rateB", enableSorting: false, header: COLUMN_LABELS.rateB, cell: ({ row }) => rate(row.original.analysis.b.rate) }),
  helper.accessor((row) => row.analysis.relativeLift.estimate, {
    ...sortable("lift"),
    header: COLUMN_LABELS.lift,
    cell: ({ getValue }) => {
      const lift = getValue();
      return lift === null ? <Missing /> : <span title={formatExact(lift)}>{formatChange(lift)}</span>;
    },
  }),
  helper.accessor((row) => row.analysis.pValue, {
    ...sortable("pvalue"),
    header: COLUMN_LABELS.pvalue,
    cell: ({ getValue }) => {
      const p = getValue();
      return p === null ? <Missing /> : <span title={`${p.toPrecision(6)}, fixed-horizon`}>{formatPValue(p).replace(/^p (= )?/, "")}</span>;
    },
  }),
  helper.display({
    id: "winner",
    enableSorting: false,
    header: COLUMN_LABELS.winner,
    cell: ({ row }) => {
      const decision = row.original.decision;
      if (!decision) return <span className={styles.muted}>undecided</span>;
      if (decision.winner === "tie") return <Badge>tie</Badge>;
      const version = decision.winner === "A" ? row.original.a.modelVersion : row.original.b.modelVersion;
      return (
        <Badge tone="success">
          {decision.winner} · {version}
        </Badge>
      );
    },
  }),
]);
