import type Database from "better-sqlite3";
import type { Prisma } from "@/lib/generated/prisma/client";

const countsFor = (variant: "a" | "b", what: "COUNT(p.is_correct)" | "COALESCE(SUM(p.is_correct), 0)") =>
  `(SELECT ${what} FROM model_predictions p
     WHERE p.model_run_id = ab_test_results.variant_${variant}_run_id AND p.predicted_at >= ab_test_results.started_at AND p.predicted_at <= ?)`;

// Parameters: now four times (one per subquery), then the test's id; see refreshParams.
const REFRESH_COUNTS_SQL = `UPDATE ab_test_results SET
  variant_a_samples = ${countsFor("a", "COUNT(p.is_correct)")},
  variant_a_successes = ${countsFor("a", "COALESCE(SUM(p.is_correct), 0)")},
  variant_b_samples = ${countsFor("b", "COUNT(p.is_correct)")},
  variant_b_successes = ${countsFor("b", "COALESCE(SUM(p.is_correct), 0)")}
  WHERE id = ? AND status = 'running'`;

const refreshParams = (id: string, now: string) => [now, now, now, now, id];

/**
 * Recomputes a running test's counts from the labelled predictions (is_correct not NULL) of each variant's run
 * in the test's window, [started_at, now]: samples are the labelled predictions, successes the correct ones.
 * One UPDATE, and only while the test runs: a closed test keeps the counts its decision was made on.
 * Returns the number of rows changed (0 when the test is closed or missing). The success rates are generated
 * columns and follow by themselves.
 */
export async function refreshCountsInTransaction(tx: Prisma.TransactionClient, id: string, now: string): Promise<number> {
  return tx.$executeRawUnsafe(REFRESH_COUNTS_SQL, ...refreshParams(id, now));
}

/** The same, on a raw better-sqlite3 connection inside the caller's transaction (the API's outcome batches). */
export function refreshCountsSync(sqlite: Database.Database, id: string, now: string): number {
  return sqlite.prepare(REFRESH_COUNTS_SQL).run(...refreshParams(id, now)).changes;
}
