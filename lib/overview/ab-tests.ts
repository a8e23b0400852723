import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Queryable } from "@/lib/db/queryable";
import { toNumber } from "@/lib/db/rows";

export type RunningAbTest = {
  id: string;
  name: string;
  variantAModel: string;
  variantBModel: string;
  /** Samples seen so far, both variants together. */
  samples: number;
  startedAt: string;
};

export type AbTestSummary = {
  running: number;
  closed: number;
  /** The most recently started running tests, newest first, at most `limit`. */
  latestRunning: RunningAbTest[];
};

/** Cached per request: the overview's headline figures and its list of running tests both read it. */
export const abTestSummary = cache(async (limit: number = 5, client: Queryable = db): Promise<AbTestSummary> => {
  const [counts, latest] = await Promise.all([
    client.$queryRaw<{ running: unknown; closed: unknown }[]>`
      SELECT COUNT(CASE WHEN status = 'running' THEN 1 END) AS running,
             COUNT(CASE WHEN status = 'closed' THEN 1 END) AS closed
      FROM ab_test_results`,
    client.$queryRaw<
      { id: string; test_name: string; variant_a_model: string; variant_b_model: string; samples: unknown; started_at: string }[]
    >`
      SELECT id, test_name, variant_a_model, variant_b_model,
             variant_a_samples + variant_b_samples AS samples, started_at
      FROM ab_test_results
      WHERE status = 'running'
      ORDER BY started_at DESC, id
      LIMIT ${limit}`,
  ]);
  const row = counts[0];
  return {
    running: row ? toNumber(row.running) : 0,
    closed: row ? toNumber(row.closed) : 0,
    latestRunning: latest.map((test) => ({
      id: test.id,
      name: test.test_name,
      variantAModel: test.variant_a_model,
      variantBModel: test.variant_b_model,
      samples: toNumber(test.samples),
      startedAt: test.started_at,
    })),
  };
});
