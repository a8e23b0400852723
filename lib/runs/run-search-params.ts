import { z } from "zod";
import {
  DEFAULT_VISIBLE_COLUMNS,
  GROUP_BY_OPTIONS,
  hpKeyOf,
  hpKeyProblem,
  isStandardColumnId,
  PAGE_SIZES,
  standardColumn,
  STANDARD_COLUMN_IDS,
  type GroupBy,
  type PageSize,
  type StandardColumnId,
} from "./run-fields";
import { checkCondition, decodeCondition, encodeCondition, FILTER_LIMITS, type RunFilter } from "./run-filters";

/**
 * The runs page's view in the URL, so a view can be shared by link: sort, filter, search, page, page size,
 * columns and grouping. One parser for the server page, the CSV export and the client components; what it
 * cannot read is dropped with a message that the page shows, never a crash.
 *
 *   ?q=hotfix&f=0:type:eq:classifier&f=0:accuracy:gte:0.9&f=1:hp.optimizer:eq:adam
 *    &sort=hp.learning_rate&dir=asc&group=type&cols=type,version,accuracy&hp=learning_rate&size=50&page=3
 */
export type RunsSort = { id: string; desc: boolean };

export type RunsView = {
  sort: RunsSort;
  /** 1-based. */
  page: number;
  size: PageSize;
  /** Free text matched against version and notes. */
  q: string;
  filter: RunFilter;
  /** Visible standard columns, in the catalogue's order. */
  columns: StandardColumnId[];
  /** Hyperparameter keys shown as columns, in the order picked. */
  hp: string[];
  group: GroupBy | null;
};

export const DEFAULT_SORT: RunsSort = { id: "started", desc: true };

export const DEFAULT_VIEW: RunsView = {
  sort: DEFAULT_SORT,
  page: 1,
  size: 25,
  q: "",
  filter: [],
  columns: [...DEFAULT_VISIBLE_COLUMNS],
  hp: [],
  group: null,
};

export const MAX_HP_COLUMNS = 20;
export const MAX_SEARCH_LENGTH = 200;

export type ParsedRunsView = { view: RunsView; issues: string[] };

/** Next's searchParams object, or URLSearchParams (route handlers, the browser). */
export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function reader(input: SearchParamsInput): (name: string) => string[] {
  if (input instanceof URLSearchParams) return (name) => input.getAll(name);
  return (name) => {
    const value = input[name];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  };
}

const pageSchema = z.coerce.number().int().min(1).max(10_000_000);
const sizeSchema = z.coerce.number().pipe(z.literal(PAGE_SIZES));
const dirSchema = z.enum(["asc", "desc"]);
const groupSchema = z.enum(GROUP_BY_OPTIONS.map((option) => option.id) as [GroupBy, ...GroupBy[]]);
const searchSchema = z.string().max(MAX_SEARCH_LENGTH);

/** A sort key is a standard column or `hp.<key>` with an addressable key. */
function sortProblem(id: string): string | null {
  const key = hpKeyOf(id);
  if (key !== null) return hpKeyProblem(key);
  return isStandardColumnId(id) ? null : `"${id}" is not a column runs can be sorted by`;
}

export function parseRunsView(input: SearchParamsInput): ParsedRunsView {
  const all = reader(input);
  const issues: string[] = [];
  const one = (name: string): string | undefined => {
    const values = all(name);
    if (values.length > 1) issues.push(`"${name}" appears ${values.length} times; the first is used.`);
    return values[0];
  };
  const read = <T>(name: string, schema: z.ZodType<T>, fallback: T, what: string): T => {
    const raw = one(name);
    if (raw === undefined) return fallback;
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    issues.push(`${what} "${raw}" is not valid; ${describeFallback(fallback)} is used.`);
    return fallback;
  };

  const view: RunsView = { ...DEFAULT_VIEW, columns: [...DEFAULT_VIEW.columns], filter: [], hp: [] };
  view.page = read("page", pageSchema, 1, "Page");
  view.size = read("size", sizeSchema, DEFAULT_VIEW.size, "Page size");
  const q = read("q", searchSchema, "", "The search");
  view.q = q.trim();
  view.group = read("group", groupSchema.nullable(), null, "Grouping");

  const sortId = one("sort");
  if (sortId !== undefined) {
    const problem = sortProblem(sortId);
    if (problem) issues.push(`Sorting: ${problem}; sorted by start time instead.`);
    else view.sort = { id: sortId, desc: isStandardColumnId(sortId) ? standardColumn(sortId).descFirst : true };
  }
  const dir = read("dir", dirSchema.nullable(), null, "Sort direction");
  if (dir !== null) view.sort = { ...view.sort, desc: dir === "desc" };

  const cols = one("cols");
  if (cols !== undefined) {
    const ids = cols.split(",").map((id) => id.trim()).filter(Boolean);
    const unknown = ids.filter((id) => !isStandardColumnId(id));
    if (unknown.length > 0) issues.push(`Unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((id) => `"${id}"`).join(", ")} left out.`);
    // The version links each row to its run, so it is always shown.
    view.columns = STANDARD_COLUMN_IDS.filter((id) => id === "version" || ids.includes(id));
  }

  for (const key of all("hp")) {
    const problem = hpKeyProblem(key);
    if (problem) issues.push(`Column ${problem}; left out.`);
    else if (view.hp.length >= MAX_HP_COLUMNS) issues.push(`At most ${MAX_HP_COLUMNS} hyperparameter columns; "${key}" left out.`);
    else if (!view.hp.includes(key)) view.hp.push(key);
  }

  view.filter = parseFilter(all("f"), issues);
  return { view, issues };
}

function describeFallback(value: unknown): string {
  return value === null ? "none" : value === "" ? "nothing" : String(value);
}

function parseFilter(encoded: string[], issues: string[]): RunFilter {
  const groups = new Map<number, RunFilter[number]>();
  for (const text of encoded) {
    const decoded = decodeCondition(text);
    if (typeof decoded === "string") {
      issues.push(`Filter left out: ${decoded}.`);
      continue;
    }
    const checked = checkCondition(decoded.condition);
    if (!checked.ok) {
      issues.push(`Filter left out: ${checked.message}.`);
      continue;
    }
    const group = groups.get(decoded.group) ?? [];
    if (!groups.has(decoded.group) && groups.size >= FILTER_LIMITS.groups) {
      issues.push(`At most ${FILTER_LIMITS.groups} OR groups; a condition of group ${decoded.group} left out.`);
      continue;
    }
    if (group.length >= FILTER_LIMITS.conditionsPerGroup) {
      issues.push(`At most ${FILTER_LIMITS.conditionsPerGroup} conditions in a group; one of group ${decoded.group} left out.`);
      continue;
    }
    group.push(checked.condition);
    groups.set(decoded.group, group);
  }
  // Group numbers only say which conditions belong together; their order is the order of first appearance.
  return [...groups.values()];
}

/** The URL query of a view, defaults left out, in a fixed order so equal views have equal URLs. */
export function runsViewSearchParams(view: RunsView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.q) params.set("q", view.q);
  view.filter.forEach((group, index) => {
    for (const condition of group) params.append("f", encodeCondition(index, condition));
  });
  if (view.sort.id !== DEFAULT_SORT.id || view.sort.desc !== DEFAULT_SORT.desc) {
    params.set("sort", view.sort.id);
    params.set("dir", view.sort.desc ? "desc" : "asc");
  }
  if (view.group) params.set("group", view.group);
  const columns = STANDARD_COLUMN_IDS.filter((id) => view.columns.includes(id));
  if (columns.join(",") !== DEFAULT_VISIBLE_COLUMNS.join(",")) params.set("cols", columns.join(","));
  for (const key of view.hp) params.append("hp", key);
  if (view.size !== DEFAULT_VIEW.size) params.set("size", String(view.size));
  if (view.page !== 1) params.set("page", String(view.page));
  return params;
}

/** `/runs?…` for a view, or `/runs` for the default one. */
export function runsViewHref(view: RunsView, path = "/runs"): string {
  const query = runsViewSearchParams(view).toString();
  return query ? `${path}?${query}` : path;
}

/** The same view with the given changes; any change other than the page itself goes back to page 1. */
export function withView(view: RunsView, changes: Partial<RunsView>): RunsView {
  return { ...view, ...changes, page: changes.page ?? 1 };
}
