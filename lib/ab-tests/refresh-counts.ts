import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Recomputes a running test's counts from the labelled predictions (is_correct not NULL) of each variant's run
 * in the test's window, [started_at, now]: samples are the labelled predictions, successes the correct ones.
 * One UPDATE, and only while the test runs: a closed test keeps the counts its decision was made on.
 * Returns the number of rows changed (0 when the test is closed or missing). The success rates are generated
 * columns and follow by themselves.
 */
export async function refreshCountsInTransaction(tx: Prisma.TransactionClient, id: string, now: string): Promise<number> {
  return tx.$executeRaw`
    UPDATE ab_test_results SET
      variant_a_samples = (SELECT COUNT(p.is_correct) FROM model_predictions p
        WHERE p.model_run_id = ab_test_results.variant_a_run_id AND p.predicted_at >= ab_test_results.started_at AND p.predicted_at <= ${now}),
      variant_a_successes = (SELECT COALESCE(SUM(p.is_correct), 0) FROM model_predictions p
        WHERE p.model_run_id = ab_test_results.variant_a_run_id AND p.predicted_at >= ab_test_results.started_at AND p.predicted_at <= ${now}),
      variant_b_samples = (SELECT COUNT(p.is_correct) FROM model_predictions p
        WHERE p.model_run_id = ab_test_results.variant_b_run_id AND p.predicted_at >= ab_test_results.started_at AND p.predicted_at <= ${now}),
      variant_b_successes = (SELECT COALESCE(SUM(p.is_correct), 0) FROM model_predictions p
        WHERE p.model_run_id = ab_test_results.variant_b_run_id AND p.predicted_at >= ab_test_results.started_at AND p.predicted_at <= ${now})
    WHERE id = ${id} AND status = 'running'`;
}
