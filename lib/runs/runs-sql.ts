import "server-only";
import type { Queryable } from "@/lib/db/queryable";
import { Prisma } from "@/lib/generated/prisma/client";
import { hpKeyOf, type StandardColumnId } from "./run-fields";
import type { CheckedCondition, RunFilter } from "./run-filters";
import type { RunsSort } from "./run-search-params";
import { satisfiesComparator, type Comparator } from "./version-range";
import { parseSemver } from "./semver";

/**
 * SQL for the runs list, export and groups, built only from whitelisted column expressions and bound
 * parameters (Prisma.sql binds every interpolated value; Prisma.raw appears only with constants from this file).
 * The table is aliased `r` everywhere.
 */
type Sql = Prisma.Sql;
const sql = Prisma.sql;
const raw = Prisma.raw;

type SqlColumnId = Exclude<StandardColumnId, "live_accuracy">;

/** The whitelist: each column id's expression, and whether it can be NULL. */
const COLUMNS: Record<SqlColumnId, { sql: Sql; nullable: boolean }> = {
  type: { sql: raw("r.model_type"), nullable: false },
  version: { sql: raw("r.model_version"), nullable: false },
  started: { sql: raw("r.started_at"), nullable: false },
  completed: { sql: raw("r.completed_at"), nullable: true },
  duration: { sql: raw("r.training_duration_ms"), nullable: true },
  accuracy: { sql: raw("r.accuracy"), nullable: true },
  precision: { sql: raw("r.precision"), nullable: true },
  recall: { sql: raw("r.recall"), nullable: true },
  f1: { sql: raw("r.f1_score"), nullable: true },
  training_loss: { sql: raw("r.training_loss"), nullable: true },
  validation_loss: { sql: raw("r.validation_loss"), nullable: true },
  samples: { sql: raw("r.training_samples"), nullable: false },
  feature_set: { sql: raw("r.feature_set_version"), nullable: true },
  notes: { sql: raw("r.notes"), nullable: true },
};

/** Live accuracy as v_model_performance defines it: over labelled predictions only. */
export const LIVE_ACCURACY_JOIN = raw(`LEFT JOIN (
    SELECT model_run_id, SUM(is_correct) * 1.0 / COUNT(is_correct) AS live_accuracy
    FROM model_predictions
    GROUP BY model_run_id
  ) la ON la.model_run_id = r.id`);

/**
 * The parts of a semantic version in `column` (a constant expression of this file, never input): the core as
 * integers, read by CAST from the text after each dot (the model_version CHECK guarantees MAJOR.MINOR.PATCH at
 * the start); whether it is a release (semver.org §11.3 ranks a release above its pre-releases); and the suffix:
 * '' for a release, '-rc.1' or '-rc.1+b7' with a pre-release, '+b7' with build metadata only.
 */
export function versionParts(column: string) {
  const afterFirstDot = `substr(${column}, instr(${column}, '.') + 1)`;
  return {
    major: raw(`CAST(${column} AS INTEGER)`),
    minor: raw(`CAST(${afterFirstDot} AS INTEGER)`),
    patch: raw(`CAST(substr(${afterFirstDot}, instr(${afterFirstDot}, '.') + 1) AS INTEGER)`),
    isRelease: raw(`(substr(ltrim(${column}, '0123456789.'), 1, 1) <> '-')`),
    suffix: raw(`ltrim(${column}, '0123456789.')`),
  };
}

const VERSION = versionParts("r.model_version");
export const VERSION_MAJOR = VERSION.major;
export const VERSION_MINOR = VERSION.minor;
export const VERSION_PATCH = VERSION.patch;

/** Semver precedence as ORDER BY terms (pre-release identifiers compare as text: rc.10 before rc.9). */
export function versionOrder(column: string, desc: boolean): SortKey[] {
  const parts = versionParts(column);
  return [parts.major, parts.minor, parts.patch, parts.isRelease, parts.suffix].map((part) => ({ sql: part, desc }));
}

/** `$."key"`: the key quoted, so dots and spaces in it are part of the name (hpKeyProblem rules out quotes). */
export const hpPath = (key: string) => `$."${key}"`;
const hpValue = (key: string) => sql`json_extract(r.hyperparameters, ${hpPath(key)})`;
const hpType = (key: string) => sql`json_type(r.hyperparameters, ${hpPath(key)})`;
/** The value as JSON text (keeps true/false and numbers apart, which json_extract does not), for display. */
export const hpJson = (key: string) => sql`(r.hyperparameters -> ${hpPath(key)})`;

/** LIKE '%text%' with the pattern characters escaped. ASCII letters match case-insensitively. */
function containsSql(column: Sql, text: string): Sql {
  return sql`${column} LIKE ${`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`;
}

/** Versions whose MAJOR.MINOR.PATCH equals a range bound's, keyed by that core: their order needs semver rules. */
export type VersionCores = Map<string, string[]>;

const coreOf = (c: Comparator) => `${c.version.major}.${c.version.minor}.${c.version.patch}`;

/** The versions sharing a core with any range bound in the filter, read with one indexed query. */
export async function loadVersionCores(client: Queryable, filter: RunFilter): Promise<VersionCores> {
  const cores = new Set<string>();
  for (const condition of filter.flat()) {
    if (condition.operand.kind === "range") for (const comparator of condition.operand.comparators) cores.add(coreOf(comparator));
  }
  const result: VersionCores = new Map([...cores].map((core) => [core, []]));
  if (cores.size === 0) return result;
  // A core followed by '-' or '+', or nothing: a prefix GLOB, which the model_version index serves.
  const matches = [...cores].flatMap((core) => [sql`model_version = ${core}`, sql`model_version GLOB ${`${core}[-+]*`}`]);
  const rows = await client.$queryRaw<{ model_version: string }[]>`
    SELECT DISTINCT model_version FROM model_training_runs WHERE ${Prisma.join(matches, " OR ")}`;
  for (const { model_version } of rows) {
    const parsed = parseSemver(model_version);
    if (parsed) result.get(`${parsed.major}.${parsed.minor}.${parsed.patch}`)?.push(model_version);
  }
  return result;
}

/**
 * One range comparator: versions with another core compare by (major, minor, patch) as integers; those with the
 * bound's own core differ only in pre-release, which SQL cannot order by semver rules, so the versions of that
 * core that satisfy the comparator (few) are listed from loadVersionCores.
 */
function comparatorSql(comparator: Comparator, cores: VersionCores): Sql {
  const { major, minor, patch } = comparator.version;
  const sameCore = (cores.get(coreOf(comparator)) ?? []).filter((text) => satisfiesComparator(parseSemver(text)!, comparator));
  const sameCoreSql = sameCore.length > 0 ? sql`r.model_version IN (${Prisma.join(sameCore)})` : raw("0");
  const core = sql`(${VERSION_MAJOR}, ${VERSION_MINOR}, ${VERSION_PATCH})`;
  const bound = sql`(${major}, ${minor}, ${patch})`;
  const otherCore =
    comparator.op === "=" ? raw("0") : comparator.op.startsWith("<") ? sql`${core} < ${bound}` : sql`${core} > ${bound}`;
  return sql`(CASE WHEN ${core} = ${bound} THEN ${sameCoreSql} ELSE ${otherCore} END)`;
}

function hpConditionSql(key: string, condition: CheckedCondition): Sql {
  const { op, operand } = condition;
  if (op === "exists") return sql`${hpType(key)} IS NOT NULL`;
  if (op === "missing") return sql`${hpType(key)} IS NULL`;
  if (operand.kind === "json") {
    if (typeof operand.value === "boolean") {
      // json_extract reads true as 1, which would also match the number 1: compare the JSON type instead.
      const type = operand.value ? "true" : "false";
      return op === "eq" ? sql`${hpType(key)} = ${type}` : sql`${hpType(key)} IS NOT ${type}`;
    }
    return op === "eq" ? sql`${hpValue(key)} = ${operand.value}` : sql`${hpValue(key)} IS NOT ${operand.value}`;
  }
  if (operand.kind !== "number") throw new Error(`Unexpected operand for hyperparameter ${key}`);
  // SQLite ranks any text above any number, so a text value must not reach a numeric comparison.
  return sql`(${hpType(key)} IN ('integer', 'real') AND ${hpValue(key)} ${raw(COMPARISON[op as keyof typeof COMPARISON])} ${operand.number})`;
}

const COMPARISON = { eq: "=", lt: "<", lte: "<=", gt: ">", gte: ">=" } as const;

export function conditionSql(condition: CheckedCondition, cores: VersionCores): Sql {
  const key = hpKeyOf(condition.field);
  if (key !== null) return hpConditionSql(key, condition);
  const { op, operand } = condition;
  const id = condition.field as SqlColumnId;
  // A unary + keeps SQLite from using the (model_type, model_version) index for a type condition: with three
  // types a third of the table matches, and reading it through the index costs more than a scan.
  const column = id === "type" ? raw("+r.model_type") : COLUMNS[id].sql;
  if (op === "exists") return sql`NULLIF(${column}, '') IS NOT NULL`;
  if (op === "missing") return sql`NULLIF(${column}, '') IS NULL`;
  switch (operand.kind) {
    case "range":
      return sql`(${Prisma.join(operand.comparators.map((comparator) => comparatorSql(comparator, cores)), " AND ")})`;
    case "timestamp":
      if (operand.op === "eq") return sql`(${column} >= ${operand.iso} AND ${column} < ${operand.until})`;
      return sql`${column} ${raw(operand.op === "gte" ? ">=" : "<")} ${operand.iso}`;
    case "text":
      if (op === "contains") return containsSql(column, operand.text);
      // ≠ keeps runs without a value: they are not equal to it.
      return op === "eq" ? sql`${column} = ${operand.text}` : sql`${column} IS NOT ${operand.text}`;
    case "number":
      if (op === "neq") return sql`${column} IS NOT ${operand.number}`;
      return sql`${column} ${raw(COMPARISON[op as keyof typeof COMPARISON])} ${operand.number}`;
    default:
      throw new Error(`Unexpected operand ${operand.kind} for ${condition.field}`);
  }
}

/**
 * The condition of a view: its filter's OR of AND-groups, and the free-text search over version and notes; null
 * when it has neither (a bare COUNT(*) is much faster than one with even `WHERE 1`).
 */
export function whereSql(filter: RunFilter, search: string, cores: VersionCores): Sql | null {
  const parts: Sql[] = [];
  if (filter.length > 0) {
    const groups = filter.map((group) => sql`(${Prisma.join(group.map((condition) => conditionSql(condition, cores)), " AND ")})`);
    parts.push(sql`(${Prisma.join(groups, " OR ")})`);
  }
  if (search) parts.push(sql`(${containsSql(raw("r.model_version"), search)} OR ${containsSql(raw("r.notes"), search)})`);
  return parts.length > 0 ? Prisma.join(parts, " AND ") : null;
}

/** `WHERE` and the conditions that are not null, or nothing. */
export function whereClause(...conditions: (Sql | null)[]): Sql {
  const present = conditions.filter((condition): condition is Sql => condition !== null);
  return present.length > 0 ? sql`WHERE ${Prisma.join(present.map((condition) => sql`(${condition})`), " AND ")}` : Prisma.empty;
}

/** One term of an ORDER BY; the list of them is also the keyset the export pages by. */
export type SortKey = { sql: Sql; desc: boolean };

export type SortPlan = { keys: SortKey[]; needsLiveAccuracy: boolean };

/** Missing values last in either direction, through an `IS NULL` term that always sorts ascending. */
function nullableKey(expression: Sql, desc: boolean): SortKey[] {
  return [{ sql: sql`(${expression} IS NULL)`, desc: false }, { sql: expression, desc }];
}

/**
 * The ORDER BY of a sort, ending in the run id so equal values keep one order across pages and requests.
 * Versions order by semver precedence: core parts as integers, a release above its pre-releases, then the
 * suffix as text (pre-release identifiers compare as text here, so rc.10 sorts before rc.9 within one core).
 */
export function sortPlan(sort: RunsSort): SortPlan {
  const { desc } = sort;
  const key = hpKeyOf(sort.id);
  let keys: SortKey[];
  if (key !== null) keys = nullableKey(hpValue(key), desc);
  else if (sort.id === "live_accuracy") keys = nullableKey(raw("la.live_accuracy"), desc);
  else if (sort.id === "version") keys = versionOrder("r.model_version", desc);
  else {
    const column = COLUMNS[sort.id as SqlColumnId];
    keys = column.nullable ? nullableKey(column.sql, desc) : [{ sql: column.sql, desc }];
  }
  return { keys: [...keys, { sql: raw("r.id"), desc }], needsLiveAccuracy: sort.id === "live_accuracy" };
}

export function orderBySql(keys: readonly SortKey[]): Sql {
  return Prisma.join(
    keys.map((key) => sql`${key.sql} ${raw(key.desc ? "DESC" : "ASC")}`),
    ", ",
  );
}

/** The sort keys as selected columns k0, k1, …, so the export can resume after the last row of a chunk. */
export function sortKeyColumnsSql(keys: readonly SortKey[]): Sql {
  return Prisma.join(
    keys.map((key, index) => sql`${key.sql} AS ${raw(`k${index}`)}`),
    ", ",
  );
}

/**
 * Rows strictly after `values` in the order of `keys` (keyset pagination): for some i, the keys before i equal
 * the cursor's (`IS`, which treats NULL as a value) and key i is beyond it. A NULL cursor value makes its own
 * branch false, which is right: within the NULL block only later keys can advance.
 */
export function afterCursorSql(keys: readonly SortKey[], values: readonly unknown[]): Sql {
  const branches = keys.map((key, i) => {
    const equal = keys.slice(0, i).map((previous, j) => sql`${previous.sql} IS ${values[j] ?? null}`);
    const beyond = sql`${key.sql} ${raw(key.desc ? "<" : ">")} ${values[i] ?? null}`;
    return sql`(${Prisma.join([...equal, beyond], " AND ")})`;
  });
  return sql`(${Prisma.join(branches, " OR ")})`;
}
