import "server-only";
import { db } from "@/lib/db";
import type { Queryable } from "@/lib/db/queryable";
import { toNumber } from "@/lib/db/rows";
import { Prisma } from "@/lib/generated/prisma/client";
import { analyzeAbTest, type AbAnalysis } from "@/lib/stats/ab-analysis";
import { AB_TEST_COLUMNS, toAbTestRecord, type AbTestRecord } from "./ab-test-row";
import { AB_PAGE_SIZE, type AbSortKey, type AbTestsView } from "./list-params";

export type AbTestListRow = AbTestRecord & { analysis: AbAnalysis };

export type AbTestsPage = { rows: AbTestListRow[]; total: number; page: number; pageCount: number; counts: { running: number; closed: number } };

// Rates as SQL expressions, NULL without samples; z² orders tests by p-value without a square root.
const RATE_A = "(CASE WHEN t.variant_a_samples > 0 THEN t.variant_a_successes * 1.0 / t.variant_a_samples END)";
const RATE_B = "(CASE WHEN t.variant_b_samples > 0 THEN t.variant_b_successes * 1.0 / t.variant_b_samples END)";
const VARIANCE = `(${RATE_A} * (1 - ${RATE_A}) / t.variant_a_samples + ${RATE_B} * (1 - ${RATE_B}) / t.variant_b_samples)`;
const Z_SQUARED = `(CASE WHEN ${VARIANCE} > 0 THEN (${RATE_B} - ${RATE_A}) * (${RATE_B} - ${RATE_A}) / ${VARIANCE} END)`;

/** Whitelisted ORDER BY expressions; NULLs (no samples, no lift) sort last either way. */
const ORDER: Record<AbSortKey, { expression: string; invert?: boolean }> = {
  started: { expression: "t.started_at" },
  name: { expression: "t.test_name COLLATE NOCASE" },
  status: { expression: "t.status" },
  samples: { expression: "(t.variant_a_samples + t.variant_b_samples)" },
  lift: { expression: `(CASE WHEN ${RATE_A} > 0 THEN ${RATE_B} / ${RATE_A} - 1 END)` },
  // A small p-value is a large z²: ascending p is descending z².
  pvalue: { expression: Z_SQUARED, invert: true },
};

function orderBy(view: AbTestsView): Prisma.Sql {
  const { expression, invert } = ORDER[view.sort];
  const descending = invert ? !view.desc : view.desc;
  return Prisma.raw(`${expression} IS NULL, ${expression} ${descending ? "DESC" : "ASC"}, t.started_at DESC, t.id`);
}

/**
 * One page of the A/B tests list, filtered by status and sorted in SQL; only the page's rows are analysed.
 * A page past the end shows the last page.
 */
export async function listAbTests(view: AbTestsView, client: Queryable = db): Promise<AbTestsPage> {
  const where = view.status === "all" ? Prisma.empty : Prisma.sql`WHERE t.status = ${view.status}`;
  const [countRow] = await client.$queryRaw<{ running: unknown; closed: unknown }[]>`
    SELECT COUNT(CASE WHEN status = 'running' THEN 1 END) AS running, COUNT(CASE WHEN status = 'closed' THEN 1 END) AS closed
    FROM ab_test_results`;
  const counts = { running: toNumber(countRow?.running ?? 0), closed: toNumber(countRow?.closed ?? 0) };
  const total = view.status === "all" ? counts.running + counts.closed : counts[view.status];
  const pageCount = Math.max(1, Math.ceil(total / AB_PAGE_SIZE));
  const page = Math.min(view.page, pageCount);
  const rows = await client.$queryRaw<Record<string, unknown>[]>`
    SELECT ${Prisma.raw(AB_TEST_COLUMNS)}
    FROM ab_test_results t JOIN model_training_runs ra ON ra.id = t.variant_a_run_id
    ${where}
    ORDER BY ${orderBy(view)}
    LIMIT ${AB_PAGE_SIZE} OFFSET ${(page - 1) * AB_PAGE_SIZE}`;
  return {
    rows: rows.map((row) => {
      const record = toAbTestRecord(row);
      return { ...record, analysis: analyzeAbTest({ a: record.a, b: record.b, trafficSplit: record.trafficSplit }) };
    }),
    total,
    page,
    pageCount,
    counts,
  };
}
