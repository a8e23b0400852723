import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Queryable } from "@/lib/db/queryable";
import { toNumber } from "@/lib/db/rows";
import { isModelType, MODEL_TYPES, type ModelType } from "@/lib/runs/model-types";

export type RunCounts = { total: number; completed: number; running: number };

export type TrainingRunSummary = RunCounts & {
  /** Every model type the schema allows, in display order, with zeros where there are no runs. */
  byModelType: (RunCounts & { modelType: ModelType })[];
};

/**
 * How many training runs there are, how many finished (completed_at set) and how many are still running.
 * Cached per request: the overview's headline figures and its per-type table both read it.
 */
export const trainingRunSummary = cache(async (client: Queryable = db): Promise<TrainingRunSummary> => {
  const rows = await client.$queryRaw<{ model_type: string; total: unknown; completed: unknown }[]>`
    SELECT model_type, COUNT(*) AS total, COUNT(completed_at) AS completed
    FROM model_training_runs
    GROUP BY model_type`;
  const counts = new Map<ModelType, RunCounts>();
  for (const row of rows) {
    if (!isModelType(row.model_type)) continue;
    const total = toNumber(row.total);
    const completed = toNumber(row.completed);
    counts.set(row.model_type, { total, completed, running: total - completed });
  }
  const byModelType = MODEL_TYPES.map((modelType) => ({
    modelType,
    ...(counts.get(modelType) ?? { total: 0, completed: 0, running: 0 }),
  }));
  const sum = (key: keyof RunCounts) => byModelType.reduce((acc, row) => acc + row[key], 0);
  return { total: sum("total"), completed: sum("completed"), running: sum("running"), byModelType };
});
