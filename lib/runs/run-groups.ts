import "server-only";
import { db } from "@/lib/db";
import type { Queryable } from "@/lib/db/queryable";
import { toNumber, toNumberOrNull } from "@/lib/db/rows";
import { Prisma } from "@/lib/generated/prisma/client";
import { MODEL_TYPES } from "./model-types";
import type { GroupBy } from "./run-fields";
import type { FilterCondition } from "./run-filters";
import type { RunsView } from "./run-search-params";
import { loadVersionCores, orderBySql, versionOrder, versionParts, whereSql, type SortKey } from "./runs-sql";
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
  type: raw("r.model_type"),
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
 * metric per group. The variance is computed in two passes, Σ(x − mean)² / (n − 1) with the group's mean from a
 * first pass, not as avg(x²) − avg(x)²: that one-pass form subtracts two nearly equal large numbers and loses
 * every significant digit when the spread is small next to the values (durations around 10⁹ ms differing by a
 * few ms), and can even go negative. Welford's update would be one pass but SQLite has no such aggregate.
 */
export async function runGroupsPage(view: RunsView & { group: GroupBy }, client: Queryable = db): Promise<RunGroupsPage> {
  const cores = await loadVersionCores(client, view.filter);
  const where = whereSql(view.filter, view.q, cores);
  const key = GROUP_KEYS[view.group];
  const [counts] = await client.$queryRaw<[{ groups: unknown; runs: unknown }]>`
    SELECT COUNT(DISTINCT ${key}) AS groups, COUNT(*) AS runs FROM model_training_runs r WHERE ${where}`;
  const groupCount = toNumber(counts.groups);
  const runCount = toNumber(counts.runs);
  const pageCount = Math.max(1, Math.ceil(groupCount / view.size));
  const page = Math.min(view.page, pageCount);
  if (groupCount === 0) return { groups: [], groupCount, runCount, pageCount, page };

  const values = GROUP_METRICS.map((metric, i) => sql`r.${raw(metric.column)} AS ${raw(`x${i}`)}`);
  const firstPass = GROUP_METRICS.map((_, i) => raw(`COUNT(x${i}) AS n${i}, AVG(x${i}) AS mean${i}`));
  const secondPass = GROUP_METRICS.map((_, i) => raw(`SUM((f.x${i} - m.mean${i}) * (f.x${i} - m.mean${i})) AS ss${i}`));
  const rows = await client.$queryRaw<Record<string, unknown>[]>`
    WITH f AS MATERIALIZED (
      SELECT ${key} AS g, ${Prisma.join(values, ", ")} FROM model_training_runs r WHERE ${where}
    ),
    m AS (SELECT g, COUNT(*) AS runs, ${Prisma.join(firstPass, ", ")} FROM f GROUP BY g)
    SELECT m.*, ${Prisma.join(secondPass, ", ")}
    FROM m JOIN f ON f.g = m.g
    GROUP BY m.g
    ORDER BY ${orderBySql(groupOrder(view.group))}
    LIMIT ${view.size} OFFSET ${(page - 1) * view.size}`;

  const groups = rows.map((row): RunGroup => {
    const groupKey = String(row.g);
    const metrics = Object.fromEntries(
      GROUP_METRICS.map((metric, i) => {
        const n = toNumber(row[`n${i}`]);
        const sumOfSquares = toNumberOrNull(row[`ss${i}`]);
        return [metric.id, { n, mean: toNumberOrNull(row[`mean${i}`]), sd: sumOfSquares === null ? null : sampleSd(sumOfSquares, n) }];
      }),
    ) as Record<GroupMetricId, MetricStats>;
    return { key: groupKey, runs: toNumber(row.runs), metrics, drillDown: drillDown(view.group, groupKey) };
  });
  return { groups, groupCount, runCount, pageCount, page };
}
