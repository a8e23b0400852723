/**
 * The A/B tests list's view in the URL (?status=running&sort=pvalue&dir=asc&page=2), parsed once for the server
 * page and the client table alike. Unknown values fall back to the defaults rather than failing the page.
 */
export const AB_STATUS_FILTERS = ["all", "running", "closed"] as const;
export type AbStatusFilter = (typeof AB_STATUS_FILTERS)[number];

export const AB_SORT_KEYS = ["started", "name", "status", "samples", "lift", "pvalue"] as const;
export type AbSortKey = (typeof AB_SORT_KEYS)[number];

/** The direction a column sorts in first: newest, largest, most significant. */
export const AB_SORT_DESC_FIRST: Record<AbSortKey, boolean> = { started: true, name: false, status: false, samples: true, lift: true, pvalue: false };

export const AB_PAGE_SIZE = 25;

export type AbTestsView = { status: AbStatusFilter; sort: AbSortKey; desc: boolean; page: number };

export const DEFAULT_AB_TESTS_VIEW: AbTestsView = { status: "all", sort: "started", desc: true, page: 1 };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseAbTestsView(params: SearchParams): AbTestsView {
  const status = AB_STATUS_FILTERS.find((candidate) => candidate === first(params.status)) ?? DEFAULT_AB_TESTS_VIEW.status;
  const sort = AB_SORT_KEYS.find((candidate) => candidate === first(params.sort)) ?? DEFAULT_AB_TESTS_VIEW.sort;
  const dir = first(params.dir);
  const desc = dir === "asc" ? false : dir === "desc" ? true : AB_SORT_DESC_FIRST[sort];
  const pageNumber = Number(first(params.page));
  const page = Number.isSafeInteger(pageNumber) && pageNumber >= 1 ? pageNumber : 1;
  return { status, sort, desc, page };
}

/** The URL of a view, leaving out what is at its default. */
export function abTestsViewHref(view: AbTestsView): string {
  const params = new URLSearchParams();
  if (view.status !== DEFAULT_AB_TESTS_VIEW.status) params.set("status", view.status);
  if (view.sort !== DEFAULT_AB_TESTS_VIEW.sort || view.desc !== DEFAULT_AB_TESTS_VIEW.desc) {
    params.set("sort", view.sort);
    params.set("dir", view.desc ? "desc" : "asc");
  }
  if (view.page > 1) params.set("page", String(view.page));
  const query = params.toString();
  return query ? `/ab-tests?${query}` : "/ab-tests";
}
