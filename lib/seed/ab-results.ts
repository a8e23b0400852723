import type Database from "better-sqlite3";
import { toIsoTimestamp } from "@/lib/time";
import { type AbCounts, decisionReason, judgeAbTest } from "./ab-scenarios";
import type { PlannedAbTest } from "./deployments";
import { SeedError } from "./errors";
import type { AbTestRow } from "./rows";

/**
 * The A/B tests' rows, written once their traffic is stored: each variant's samples and successes are counted from
 * model_predictions in the test's window (the definition is at the top of deployments.ts), the statistics are
 * computed from those counts, and a test whose counts do not show its planned scenario stops the seed run.
 */

/** Labelled and correct predictions per run and window, in one pass over the (model_run_id, predicted_at) index. */
const COUNT_SQL = `
  WITH windows AS (
    SELECT value ->> 0 AS key, value ->> 1 AS run_id, value ->> 2 AS from_ts, value ->> 3 AS to_ts FROM json_each(?)
  )
  SELECT w.key AS key, COUNT(p.is_correct) AS samples, COALESCE(SUM(p.is_correct), 0) AS successes
  FROM windows w
  LEFT JOIN model_predictions p
    ON p.model_run_id = w.run_id AND p.predicted_at >= w.from_ts AND (w.to_ts IS NULL OR p.predicted_at < w.to_ts)
  GROUP BY w.key`;

function countVariants(db: Database.Database, tests: readonly PlannedAbTest[]): Map<string, AbCounts> {
  const windows = tests.flatMap((test) => {
    const from = toIsoTimestamp(test.start);
    const to = test.end === null ? null : toIsoTimestamp(test.end);
    return [[`${test.id}/a`, test.a.row.id, from, to], [`${test.id}/b`, test.b.row.id, from, to]];
  });
  const counted = new Map<string, { samples: number; successes: number }>();
  for (const row of db.prepare(COUNT_SQL).all(JSON.stringify(windows)) as { key: string; samples: number; successes: number }[]) {
    counted.set(row.key, { samples: row.samples, successes: row.successes });
  }
  return new Map(
    tests.map((test) => [test.id, { a: counted.get(`${test.id}/a`)!, b: counted.get(`${test.id}/b`)! }]),
  );
}

function describeCounts(counts: AbCounts): string {
  return `A ${counts.a.successes}/${counts.a.samples}, B ${counts.b.successes}/${counts.b.samples}`;
}

export function abTestRows(db: Database.Database, tests: readonly PlannedAbTest[]): AbTestRow[] {
  const countsById = countVariants(db, tests);
  return tests.map((test) => {
    const counts = countsById.get(test.id) as AbCounts;
    const name = `${test.modelType} ${test.b.row.model_version} vs ${test.a.row.model_version}`;
    const verdict = judgeAbTest(test.scenario, counts, test.trafficSplit);
    if (!verdict?.shows) {
      const statistics = verdict
        ? `z = ${verdict.z.toFixed(2)}, p = ${verdict.pValue.toPrecision(3)}, sample-ratio p = ${verdict.srmPValue.toPrecision(3)}`
        : "a variant has no labelled predictions";
      throw new SeedError(
        `A/B test "${name}" was planned as ${test.scenario}, but its predictions do not show it (${describeCounts(counts)}; ` +
          `${statistics}). Seed with another --seed.`,
      );
    }
    const closed = test.end !== null;
    return {
      id: test.id,
      test_name: name,
      started_at: toIsoTimestamp(test.start),
      ended_at: closed ? toIsoTimestamp(test.end as number) : null,
      variant_a_model: test.a.row.model_version,
      variant_b_model: test.b.row.model_version,
      variant_a_run_id: test.a.row.id,
      variant_b_run_id: test.b.row.id,
      traffic_split: test.trafficSplit,
      variant_a_samples: counts.a.samples,
      variant_b_samples: counts.b.samples,
      variant_a_successes: counts.a.successes,
      variant_b_successes: counts.b.successes,
      statistical_significance: closed ? verdict.pValue : null,
      winner: closed ? verdict.winner : null,
      confidence: closed ? 1 - verdict.pValue : null,
      notes: `Hypothesis: ${test.b.row.model_version} raises live accuracy over ${test.a.row.model_version}. ${Math.round(test.trafficSplit * 100)}% of traffic to B.`,
      status: closed ? "closed" : "running",
      decided_by: closed ? test.decidedBy : null,
      decided_at: closed ? toIsoTimestamp(test.decidedAt as number) : null,
      decision_reason: closed ? decisionReason(verdict.winner, counts, verdict.pValue) : null,
    };
  });
}
