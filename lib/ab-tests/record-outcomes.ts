import "server-only";
import type Database from "better-sqlite3";
import { ItemErrors, type BatchRefusal } from "@/lib/api/batch";
import { logPredictions } from "@/lib/predictions/log-predictions";
import { PREDICTION_TYPE_OF_MODEL } from "@/lib/predictions/prediction-value";
import type { ModelType } from "@/lib/runs/model-types";
import { isoNow } from "@/lib/time";
import type { AbOutcomeInput } from "./outcomes-schema";
import { refreshCountsSync } from "./refresh-counts";

export type RecordOutcomesResult =
  | { ok: true; written: number; ids: string[]; redacted: string[]; counts: { a: { samples: number; successes: number }; b: { samples: number; successes: number } } }
  | BatchRefusal
  | { ok: false; status: 404 | 409; message: string };

type TestRow = { status: string; started_at: string; variant_a_run_id: string; variant_b_run_id: string; model_type: ModelType };

/**
 * Records a batch of a running test's outcomes on a raw connection inside the caller's transaction: each becomes
 * a labelled prediction of its variant's run (is_correct computed by the server), then the test's counts are
 * recomputed from the labelled predictions, as the refresh button does. Outcomes before the test started would
 * not count and are refused, naming the item.
 */
export function recordAbOutcomes(sqlite: Database.Database, testId: string, items: readonly AbOutcomeInput[], now: string = isoNow()): RecordOutcomesResult {
  const test = sqlite
    .prepare(
      `SELECT t.status, t.started_at, t.variant_a_run_id, t.variant_b_run_id, r.model_type
       FROM ab_test_results t JOIN model_training_runs r ON r.id = t.variant_a_run_id WHERE t.id = ?`,
    )
    .get(testId) as TestRow | undefined;
  if (!test) return { ok: false, status: 404, message: `There is no A/B test with the id "${testId}".` };
  if (test.status !== "running") return { ok: false, status: 409, message: "This test is closed: its counts are those its decision was made on; nothing was written." };

  const errors = new ItemErrors();
  items.forEach((item, index) => {
    const at = item.predictedAt ?? now;
    if (at < test.started_at) errors.add(index, "predictedAt", `The outcome is before the test started (${test.started_at}), so it would not count.`);
    if (at > now) errors.add(index, "predictedAt", "The outcome cannot be in the future.");
  });
  const refusal = errors.refusal(400, "refused");
  if (refusal) return refusal;

  const predictionType = PREDICTION_TYPE_OF_MODEL[test.model_type];
  const written = logPredictions(
    sqlite,
    items.map(({ variant, ...item }) => ({ ...item, runId: variant === "A" ? test.variant_a_run_id : test.variant_b_run_id, predictionType })),
    now,
  );
  if (!written.ok) return written;
  refreshCountsSync(sqlite, testId, now);
  const counts = sqlite
    .prepare("SELECT variant_a_samples AS aSamples, variant_a_successes AS aSuccesses, variant_b_samples AS bSamples, variant_b_successes AS bSuccesses FROM ab_test_results WHERE id = ?")
    .get(testId) as { aSamples: number; aSuccesses: number; bSamples: number; bSuccesses: number };
  return {
    ok: true,
    written: written.written,
    ids: written.ids,
    redacted: written.redacted,
    counts: { a: { samples: counts.aSamples, successes: counts.aSuccesses }, b: { samples: counts.bSamples, successes: counts.bSuccesses } },
  };
}
