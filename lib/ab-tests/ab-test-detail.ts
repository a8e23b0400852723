import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Queryable } from "@/lib/db/queryable";
import { toNumber } from "@/lib/db/rows";
import { Prisma } from "@/lib/generated/prisma/client";
import { AB_TEST_COLUMNS, toAbTestRecord, type AbTestRecord } from "./ab-test-row";

/** One A/B test by id, or null. Cached per request: the page's metadata and its body both read it. */
export const abTestById = cache(async (id: string, client: Queryable = db): Promise<AbTestRecord | null> => {
  const rows = await client.$queryRaw<Record<string, unknown>[]>`
    SELECT ${Prisma.raw(AB_TEST_COLUMNS)}
    FROM ab_test_results t JOIN model_training_runs ra ON ra.id = t.variant_a_run_id
    WHERE t.id = ${id}`;
  return rows[0] ? toAbTestRecord(rows[0]) : null;
});

export type AbTestDay = {
  /** 'YYYY-MM-DD', UTC. */
  day: string;
  a: { samples: number; successes: number };
  b: { samples: number; successes: number };
};

/**
 * Labelled predictions per UTC day of each variant's run inside the test's window, [started_at, ended_at) or up
 * to now: what the refresh counts, spread over time. Days without any labelled prediction are left out.
 */
export async function abTestDays(test: AbTestRecord, client: Queryable = db): Promise<AbTestDay[]> {
  const rows = await client.$queryRaw<{ day: string; run: string; samples: unknown; successes: unknown }[]>`
    SELECT substr(predicted_at, 1, 10) AS day, model_run_id AS run, COUNT(*) AS samples, SUM(is_correct) AS successes
    FROM model_predictions
    WHERE model_run_id IN (${test.a.runId}, ${test.b.runId})
      AND predicted_at >= ${test.startedAt}
      AND (${test.endedAt} IS NULL OR predicted_at < ${test.endedAt})
      AND is_correct IS NOT NULL
    GROUP BY day, run
    ORDER BY day`;
  const byDay = new Map<string, AbTestDay>();
  for (const row of rows) {
    const entry = byDay.get(row.day) ?? { day: row.day, a: { samples: 0, successes: 0 }, b: { samples: 0, successes: 0 } };
    const side = row.run === test.a.runId ? entry.a : entry.b;
    side.samples = toNumber(row.samples);
    side.successes = toNumber(row.successes);
    byDay.set(row.day, entry);
  }
  return [...byDay.values()];
}

export type RunOption = { id: string; modelType: string; modelVersion: string; startedAt: string };

/** Every training run, newest first within each model type, for the create form's version pickers. */
export async function runOptions(client: Queryable = db): Promise<RunOption[]> {
  const rows = await client.$queryRaw<{ id: string; model_type: string; model_version: string; started_at: string }[]>`
    SELECT id, model_type, model_version, started_at FROM model_training_runs ORDER BY model_type, started_at DESC, model_version`;
  return rows.map((row) => ({ id: row.id, modelType: row.model_type, modelVersion: row.model_version, startedAt: row.started_at }));
}
