"use client";

import Link from "next/link";
import { formatCount } from "@/lib/format";
import { isGroupMetric, type GroupMetricId } from "@/lib/runs/group-stats";
import { MODEL_TYPE_LABELS, isModelType } from "@/lib/runs/model-types";
import { GROUP_BY_OPTIONS, standardColumn } from "@/lib/runs/run-fields";
import { checkCondition } from "@/lib/runs/run-filters";
import { runsViewHref, withView, type RunsView } from "@/lib/runs/run-search-params";
import type { RunGroup } from "@/lib/runs/run-groups";
import { formatMeanSd } from "@/lib/runs/runs-format";
import { PageControls } from "./pagination";
import { useRunsView } from "./runs-view-context";
import styles from "./runs.module.css";

type GroupViewProps = { groups: RunGroup[]; groupCount: number; runCount: number; page: number; pageCount: number };

const DEFAULT_METRICS: GroupMetricId[] = ["accuracy", "f1"];

/** The view's visible metric columns, in table order (accuracy and F1 when none is visible). */
function visibleMetrics(view: RunsView): GroupMetricId[] {
  const metrics = view.columns.filter(isGroupMetric);
  return metrics.length > 0 ? metrics : DEFAULT_METRICS;
}

/** The runs of one group: the view's filter AND the group's condition, ungrouped. */
function drillDownHref(view: RunsView, group: RunGroup): string {
  const checked = checkCondition(group.drillDown);
  if (!checked.ok) return runsViewHref(withView(view, { group: null }));
  const filter = view.filter.length === 0 ? [[checked.condition]] : view.filter.map((conditions) => [...conditions, checked.condition]);
  return runsViewHref(withView(view, { group: null, filter }));
}

/**
 * Runs grouped by model type or version: per group the number of runs and, for each metric, mean ± sample
 * standard deviation over the runs that have it, with that n. Each group opens its runs in the table.
 */
export function RunGroupView({ groups, groupCount, runCount, page, pageCount }: GroupViewProps) {
  const { view, update } = useRunsView();
  const metrics = visibleMetrics(view);
  const groupLabel = GROUP_BY_OPTIONS.find((option) => option.id === view.group)?.label ?? "Group";
  return (
    <>
      <p className={styles.groupNote}>
        {formatCount(runCount)} runs in {formatCount(groupCount)} groups. Each metric shows mean ± sample standard deviation over the runs that
        have it (n); a single value has no deviation.
      </p>
      <div className={styles.tableScroll}>
        <table className={styles.table} data-testid="run-groups">
          <thead>
            <tr>
              <th scope="col">{groupLabel}</th>
              <th scope="col" className={styles.numeric}>
                Runs
              </th>
              {metrics.map((id) => (
                <th key={id} scope="col" className={styles.numeric}>
                  {standardColumn(id).label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.key} data-testid="group-row" data-group={group.key}>
                <th scope="row">
                  <Link href={drillDownHref(view, group)} className={view.group === "type" ? undefined : styles.version} title="Show these runs">
                    {view.group === "type" && isModelType(group.key) ? MODEL_TYPE_LABELS[group.key] : view.group === "major" || view.group === "minor" ? `${group.key}.x` : group.key}
                  </Link>
                </th>
                <td className={`${styles.numeric} num`} data-metric="runs">
                  {formatCount(group.runs)}
                </td>
                {metrics.map((id) => {
                  const stats = group.metrics[id];
                  const text = formatMeanSd(standardColumn(id).kind, stats.mean, stats.sd);
                  return (
                    <td key={id} className={`${styles.numeric} num`} data-metric={id}>
                      {text === null ? (
                        <span className={styles.missing}>—</span>
                      ) : (
                        <span title={`mean ${stats.mean}${stats.sd === null ? "" : `, sd ${stats.sd}`}, n = ${stats.n}`}>{text}</span>
                      )}
                      <span className={styles.sampleSize}>n = {formatCount(stats.n)}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PageControls
        page={page}
        pageCount={pageCount}
        pageSize={view.size}
        total={groupCount}
        noun="group"
        onPage={(next) => update({ page: next })}
        onPageSize={(size) => update({ size })}
      />
    </>
  );
}
