/** The groups of the design document's validation checklist, plus its documentation phase. */
export const CHECK_GROUPS = [
  { id: "privacy", title: "Privacy compliance" },
  { id: "ml", title: "ML suitability" },
  { id: "performance", title: "Performance" },
  { id: "quality", title: "Data quality" },
  { id: "documentation", title: "Documentation" },
] as const;

export type CheckGroup = (typeof CHECK_GROUPS)[number]["id"];

export type CheckResult = {
  id: string;
  group: CheckGroup;
  /** The checklist item, in the document's words. */
  item: string;
  passed: boolean;
  /** What was measured or found: one line each, failures named. */
  evidence: string[];
};

/** One key query timed with its index and with the index bypassed, on the throw-away copy. */
export type IndexSpeedup = {
  name: string;
  index: string;
  sql: string;
  rowsInTable: number;
  withIndexMs: number;
  withoutIndexMs: number;
  ratio: number;
  planWithIndex: string[];
  planWithoutIndex: string[];
  passed: boolean;
};

export type ValidationReport = {
  ranAt: string;
  durationMs: number;
  passed: boolean;
  checks: CheckResult[];
  speedups: IndexSpeedup[];
  /** Checklist items the database cannot prove, and why. */
  notCheckable: { item: string; reason: string }[];
};

export function check(id: string, group: CheckGroup, item: string, failures: string[], passEvidence: string[]): CheckResult {
  return { id, group, item, passed: failures.length === 0, evidence: failures.length ? failures : passEvidence };
}
