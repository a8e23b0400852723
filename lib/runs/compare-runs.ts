import "server-only";
import { db } from "@/lib/db";
import type { Queryable } from "@/lib/db/queryable";
import { diffHyperparameters, type HyperparameterRow } from "./hyperparameters";
import type { LiveMetrics } from "./live-metrics";
import { MODEL_TYPES, type ModelType } from "./model-types";
import { liveMetricsByRun, runsByIds, type RunFields } from "./run-detail";
import { compareSemver } from "./semver";

export const MIN_COMPARED_RUNS = 2;
export const MAX_COMPARED_RUNS = 10;

export type CompareIds = { ok: true; ids: string[] } | { ok: false; problem: string };

/** A shortened id for messages: the first block of a UUID. */
const shortId = (id: string) => (id.length > 13 ? `${id.slice(0, 8)}…` : id);

/**
 * The run ids of `?ids=`, comma-separated or repeated (`?ids=a,b` or `?ids=a&ids=b`): 2 to 10 of them, each
 * once. Anything else is answered with what is wrong, in words for the page.
 */
export function parseCompareIds(raw: string | string[] | undefined): CompareIds {
  const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const ids = values.flatMap((value) => value.split(",")).map((id) => id.trim()).filter((id) => id !== "");
  if (ids.length === 0) return { ok: false, problem: `No runs were chosen. Pick ${MIN_COMPARED_RUNS} to ${MAX_COMPARED_RUNS} runs to compare.` };
  if (ids.length < MIN_COMPARED_RUNS) return { ok: false, problem: `Only one run was chosen. Pick at least ${MIN_COMPARED_RUNS} runs to compare.` };
  if (ids.length > MAX_COMPARED_RUNS) {
    return { ok: false, problem: `${ids.length} runs were chosen. Compare at most ${MAX_COMPARED_RUNS} runs at once.` };
  }
  const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (repeated.length > 0) {
    return { ok: false, problem: `Run ${shortId(repeated[0]!)} is listed more than once. Pick each run only once.` };
  }
  return { ok: true, ids };
}

export type ComparedRun = RunFields & { live: LiveMetrics };

/** One version of a model type in its history of metrics. */
export type VersionPoint = {
  runId: string;
  modelVersion: string;
  accuracy: number | null;
  precision: number | null;
  recall: number | null;
  f1Score: number | null;
  liveAccuracy: number | null;
  /** Whether this version is one of the runs being compared. */
  compared: boolean;
};

/** Every version of one model type, oldest first by semver. */
export type ModelHistory = { modelType: ModelType; points: VersionPoint[] };

export type RunComparison = {
  /** By model type (display order), then semver, oldest first. */
  runs: ComparedRun[];
  /** Every hyperparameter key of the runs, each marked with whether the runs differ on it. */
  hyperparameters: HyperparameterRow[];
  histories: ModelHistory[];
};

export type LoadedComparison = { ok: true; comparison: RunComparison } | { ok: false; problem: string };

type Ordered = { modelType: ModelType; modelVersion: string; startedAt: string; id: string };

/** Model type in display order, then semver precedence, then start and id so equal versions keep an order. */
export function compareRunOrder(a: Ordered, b: Ordered): number {
  return (
    MODEL_TYPES.indexOf(a.modelType) - MODEL_TYPES.indexOf(b.modelType) ||
    compareSemver(a.modelVersion, b.modelVersion) ||
    a.startedAt.localeCompare(b.startedAt) ||
    a.id.localeCompare(b.id)
  );
}

async function modelHistory(client: Queryable, modelType: ModelType, compared: Set<string>): Promise<ModelHistory> {
  const idRows = await client.$queryRaw<{ id: string }[]>`SELECT id FROM model_training_runs WHERE model_type = ${modelType}`;
  const runs = (await runsByIds(client, idRows.map((row) => row.id))).sort(compareRunOrder);
  const live = await liveMetricsByRun(client, runs);
  return {
    modelType,
    points: runs.map((run) => ({
      runId: run.id,
      modelVersion: run.modelVersion,
      accuracy: run.accuracy,
      precision: run.precision,
      recall: run.recall,
      f1Score: run.f1Score,
      liveAccuracy: live.get(run.id)?.accuracy ?? null,
      compared: compared.has(run.id),
    })),
  };
}

/**
 * The runs side by side: their fields and live metrics, their hyperparameters key by key, and the history of
 * every version of their model types. Refused, with the reason, when an id is not a run.
 */
export async function loadRunComparison(ids: readonly string[], client: Queryable = db): Promise<LoadedComparison> {
  const found = await runsByIds(client, ids);
  const missing = ids.filter((id) => !found.some((run) => run.id === id));
  if (missing.length > 0) {
    const list = missing.map((id) => `“${shortId(id)}”`).join(", ");
    return {
      ok: false,
      problem: missing.length === 1 ? `There is no training run with the id ${list}.` : `There are no training runs with the ids ${list}.`,
    };
  }
  const runs = found.sort(compareRunOrder);
  const live = await liveMetricsByRun(client, runs);
  const comparedIds = new Set(ids);
  const modelTypes = MODEL_TYPES.filter((type) => runs.some((run) => run.modelType === type));
  const histories = await Promise.all(modelTypes.map((type) => modelHistory(client, type, comparedIds)));
  return {
    ok: true,
    comparison: {
      runs: runs.map((run) => ({ ...run, live: live.get(run.id)! })),
      hyperparameters: diffHyperparameters(runs.map((run) => run.hyperparameters)),
      histories,
    },
  };
}
