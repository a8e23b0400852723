import "server-only";
import { db } from "@/lib/db";
import type { Queryable } from "@/lib/db/queryable";
import { toNumber, toNumberOrNull } from "@/lib/db/rows";
import { Prisma } from "@/lib/generated/prisma/client";
import { MODEL_TYPES } from "./model-types";
import type { GroupBy } from "./run-fields";
import type { FilterCondition } from "./run-filters";
import type { RunsView } from "./run-search-params";
import { loadVersionCores, orderBySql, VERSION_MAJOR, versionOrder, versionParts, whereClause, whereSql, type SortKey } from "./runs-sql";
import { GROUP_METRICS, sampleSd, type GroupMetricId, type MetricStats } from "./group-stats";

export type RunGroup = {
  /** The group's value: a model type, a major version (2), a minor line (2.1) or a version. */
  key: string;
  runs: number;
  metrics: Record<GroupMetricId, MetricStats>;
  /** The condition that selects this group's runs, to open them in the table. */
  drillDown: FilterCondition;
};

export type RunGroupsPage = {
  groups: RunGroup[];
  groupCount: number;
  /** Runs in all groups: every run matching the view's filter. */
  runCount: number;
  pageCount: number;
  page: number;
};

const sql = Prisma.sql;
const raw = Prisma.raw;

const GROUP_KEYS: Record<GroupBy, Prisma.Sql> = {
  // Unary +: grouping through the (model_type, model_version) index would read the table in index order, one
  // random lookup per run; a scan and a small sort are several times faster.
  type: raw("+r.model_type"),
  major: raw("CAST(CAST(r.model_version AS INTEGER) AS TEXT)"),
  minor: (() => {
    const parts = versionParts("r.model_version");
    return sql`(${parts.major} || '.' || ${parts.minor})`;
  })(),
  version: raw("r.model_version"),
};

/** Groups in the order people look for them: types as the schema lists them, versions newest first. */
function groupOrder(groupBy: GroupBy): SortKey[] {
  switch (groupBy) {
    case "type":
      return [{ sql: raw(`CASE m.g ${MODEL_TYPES.map((type, i) => `WHEN '${type}' THEN ${i}`).join(" ")} END`), desc: false }];
    case "major":
      return [{ sql: raw("CAST(m.g AS INTEGER)"), desc: true }];
    case "minor": {
      const parts = versionParts("m.g");
      return [{ sql: parts.major, desc: true }, { sql: parts.minor, desc: true }];
    }
    case "version":
      return versionOrder("m.g", true);
  }
}

function drillDown(groupBy: GroupBy, key: string): FilterCondition {
  switch (groupBy) {
    case "type":
      return { field: "type", op: "eq", value: key };
    case "version":
      return { field: "version", op: "eq", value: key };
    case "major": {
      const major = Number(key);
      // -0 is the lowest pre-release: the range holds M.0.0-rc.1 as the CAST of the grouping does.
      return { field: "version", op: "range", value: `>=${major}.0.0-0 <${major + 1}.0.0-0` };
    }
    case "minor": {
      const [major, minor] = key.split(".").map(Number) as [number, number];
      return { field: "version", op: "range", value: `>=${major}.${minor}.0-0 <${major}.${minor + 1}.0-0` };
    }
  }
}

/**
 * The runs of a view grouped by model type or version, with n and the mean ± sample standard deviation of each
 * metric per group, in two passes over the filtered runs:
 *   1. per group, n and the mean of each metric, ordered and paged, with the number of groups and runs;
 *   2. for the page's groups only, Σ(x − c) and Σ(x − c)² about c = the mean from pass 1, passed back as
 *      parameters; ss = Σ(x − c)² − (Σ(x − c))² / n (the corrected two-pass algorithm of Chan, Golub & LeVeque,
 *      "Algorithms for computing the sample variance", 1983), and sd = √(ss / (n − 1)).
 * Not avg(x²) − avg(x)²: that one-pass form subtracts two nearly equal large numbers and loses every significant
 * digit when the spread is small next to the values (durations near 10⁹ ms a few ms apart), even going negative.
 */
export async function runGroupsPage(view: RunsView & { group: GroupBy }, client: Queryable = db): Promise<RunGroupsPage> {
  const cores = await loadVersionCores(client, view.filter);
  const condition = whereSql(view.filter, view.q, cores);
  const key = GROUP_KEYS[view.group];
  const firstPass = GROUP_METRICS.map((metric, i) => raw(`COUNT(r.${metric.column}) AS n${i}, AVG(r.${metric.column}) AS mean${i}`));
  const pageRows = await client.$queryRaw<Record<string, unknown>[]>`
    SELECT m.*, COUNT(*) OVER () AS group_count, SUM(m.runs) OVER () AS run_count
    FROM (
      SELECT ${key} AS g, COUNT(*) AS runs, ${Prisma.join(firstPass, ", ")}
      FROM model_training_runs r ${whereClause(condition)}
      GROUP BY g
    ) m
    ORDER BY ${orderBySql(groupOrder(view.group))}
    LIMIT ${view.size} OFFSET ${(Math.max(1, view.page) - 1) * view.size}`;

  const rows = pageRows;
  const page = view.page;
  if (rows.length === 0 && view.page > 1) {
    // Past the last page: count the groups and show the last page instead.
    const [counts] = await client.$queryRaw<[{ groups: unknown }]>`
      SELECT COUNT(DISTINCT ${key}) AS groups FROM model_training_runs r ${whereClause(condition)}`;
    return runGroupsPage({ ...view, page: Math.max(1, Math.ceil(toNumber(counts.groups) / view.size)) }, client);
  }
  if (rows.length === 0) return { groups: [], groupCount: 0, runCount: 0, pageCount: 1, page: 1 };

  const means = rows.map((row) => sql`(${String(row.g)}, ${Prisma.join(GROUP_METRICS.map((_, i) => sql`${toNumberOrNull(row[`mean${i}`])}`), ", ")})`);
  const columns = raw(["g", ...GROUP_METRICS.map((_, i) => `c${i}`)].join(", "));
  const secondPass = GROUP_METRICS.map((metric, i) => {
    const d = `(r.${metric.column} - m.c${i})`;
    return raw(`SUM(${d}) AS s${i}, SUM(${d} * ${d}) AS ss${i}`);
  });
  // Version groups on a page span a few major versions: a cheap CAST skips the runs of all others before the
  // group key (string work) is computed for them.
  const majors = view.group === "type" ? [] : rows.map((row) => Number.parseInt(String(row.g), 10));
  const majorRange = majors.length > 0 ? sql`${VERSION_MAJOR} BETWEEN ${Math.min(...majors)} AND ${Math.max(...majors)}` : null;
  // CROSS JOIN keeps the runs as the outer loop: one scan, each row finding its group among the page's few.
  const deviations = await client.$queryRaw<Record<string, unknown>[]>`
    WITH m(${columns}) AS (VALUES ${Prisma.join(means, ", ")})
    SELECT m.g AS g, ${Prisma.join(secondPass, ", ")}
    FROM model_training_runs r CROSS JOIN m ON m.g = ${key}
    ${whereClause(condition, majorRange)}
    GROUP BY m.g`;
  const byGroup = new Map(deviations.map((row) => [String(row.g), row]));

  const groups = rows.map((row): RunGroup => {
    const groupKey = String(row.g);
    const spread = byGroup.get(groupKey) ?? {};
    const metrics = Object.fromEntries(
      GROUP_METRICS.map((metric, i) => {
        const n = toNumber(row[`n${i}`]);
        const sum = toNumberOrNull(spread[`s${i}`]);
        const sumOfSquares = toNumberOrNull(spread[`ss${i}`]);
        const sd = sum === null || sumOfSquares === null ? null : sampleSd(sumOfSquares - (sum * sum) / n, n);
        return [metric.id, { n, mean: toNumberOrNull(row[`mean${i}`]), sd }];
      }),
    ) as Record<GroupMetricId, MetricStats>;
    return { key: groupKey, runs: toNumber(row.runs), metrics, drillDown: drillDown(view.group, groupKey) };
  });
  const groupCount = toNumber(rows[0]!.group_count);
  return { groups, groupCount, runCount: toNumber(rows[0]!.run_count), pageCount: Math.max(1, Math.ceil(groupCount / view.size)), page };
}
