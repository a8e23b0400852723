import "server-only";
import { db } from "@/lib/db";
import type { Queryable } from "@/lib/db/queryable";
import { toNumber, toNumberOrNull, toStringOrNull } from "@/lib/db/rows";
import { Prisma } from "@/lib/generated/prisma/client";
import { isModelType, type ModelType } from "./model-types";
import type { RunsView } from "./run-search-params";
import {
  hpJson,
  LIVE_ACCURACY_JOIN,
  loadVersionCores,
  orderBySql,
  sortKeyColumnsSql,
  sortPlan,
  VERSION_MAJOR,
  whereClause,
  whereSql,
  type SortPlan,
} from "./runs-sql";

/** A hyperparameter value as stored in the JSON object; null when the run does not have the key. */
export type HpValue = string | number | boolean | null | object;

/** One training run as the runs table and the CSV export show it. */
export type RunListRow = {
  id: string;
  modelType: ModelType;
  modelVersion: string;
  startedAt: string;
  completedAt: string | null;
  durationMs: number | null;
  accuracy: number | null;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  trainingLoss: number | null;
  validationLoss: number | null;
  trainingSamples: number;
  validationSamples: number | null;
  testSamples: number | null;
  featureSetVersion: string | null;
  notes: string | null;
  /** Correct / labelled live predictions; null when none is labelled. */
  liveAccuracy: number | null;
  labelledPredictions: number;
  /** The view's hyperparameter columns, by key. */
  hyperparameters: Record<string, HpValue>;
};

export type RunsPage = {
  rows: RunListRow[];
  /** Runs matching the filter and search, on all pages. */
  rowCount: number;
  pageCount: number;
  /** The page shown: the requested one, or the last one when the request was past the end. */
  page: number;
};

export type RawRunRow = {
  id: string;
  model_type: string;
  model_version: string;
  started_at: string;
  completed_at: string | null;
  training_duration_ms: unknown;
  accuracy: unknown;
  precision: unknown;
  recall: unknown;
  f1_score: unknown;
  training_loss: unknown;
  validation_loss: unknown;
  training_samples: unknown;
  validation_samples: unknown;
  test_samples: unknown;
  feature_set_version: string | null;
  notes: string | null;
  [column: string]: unknown;
};

export const RUN_COLUMNS_SQL = Prisma.raw(`r.id, r.model_type, r.model_version, r.started_at, r.completed_at,
  r.training_duration_ms, r.accuracy, r.precision, r.recall, r.f1_score, r.training_loss, r.validation_loss,
  r.training_samples, r.validation_samples, r.test_samples, r.feature_set_version, r.notes`);

/** The view's hyperparameter columns as hp0, hp1, … (JSON text of each value). */
export function hpColumnsSql(keys: readonly string[]): Prisma.Sql {
  if (keys.length === 0) return Prisma.empty;
  return Prisma.join(
    keys.map((key, index) => Prisma.sql`, ${hpJson(key)} AS ${Prisma.raw(`hp${index}`)}`),
    "",
  );
}

function parseHp(json: unknown): HpValue {
  if (json === null || json === undefined) return null;
  try {
    return JSON.parse(String(json)) as HpValue;
  } catch {
    return String(json);
  }
}

export function toRunListRow(row: RawRunRow, hpKeys: readonly string[], live: LiveAccuracy | undefined): RunListRow {
  if (!isModelType(row.model_type)) throw new TypeError(`Unknown model type ${row.model_type}`);
  return {
    id: row.id,
    modelType: row.model_type,
    modelVersion: row.model_version,
    startedAt: row.started_at,
    completedAt: toStringOrNull(row.completed_at),
    durationMs: toNumberOrNull(row.training_duration_ms),
    accuracy: toNumberOrNull(row.accuracy),
    precision: toNumberOrNull(row.precision),
    recall: toNumberOrNull(row.recall),
    f1: toNumberOrNull(row.f1_score),
    trainingLoss: toNumberOrNull(row.training_loss),
    validationLoss: toNumberOrNull(row.validation_loss),
    trainingSamples: toNumber(row.training_samples),
    validationSamples: toNumberOrNull(row.validation_samples),
    testSamples: toNumberOrNull(row.test_samples),
    featureSetVersion: toStringOrNull(row.feature_set_version),
    notes: toStringOrNull(row.notes),
    liveAccuracy: live && live.labelled > 0 ? live.correct / live.labelled : null,
    labelledPredictions: live?.labelled ?? 0,
    hyperparameters: Object.fromEntries(hpKeys.map((key, index) => [key, parseHp(row[`hp${index}`])])),
  };
}

export type LiveAccuracy = { labelled: number; correct: number };

/**
 * Labelled and correct live predictions of the given runs only, through the (model_run_id, …) index: the page
 * never aggregates predictions of runs it does not show.
 */
export async function liveAccuracyByRun(client: Queryable, runIds: readonly string[]): Promise<Map<string, LiveAccuracy>> {
  if (runIds.length === 0) return new Map();
  const rows = await client.$queryRaw<{ model_run_id: string; labelled: unknown; correct: unknown }[]>`
    SELECT model_run_id, COUNT(is_correct) AS labelled, COALESCE(SUM(is_correct), 0) AS correct
    FROM model_predictions
    WHERE model_run_id IN (${Prisma.join(runIds)})
    GROUP BY model_run_id`;
  return new Map(rows.map((row) => [row.model_run_id, { labelled: toNumber(row.labelled), correct: toNumber(row.correct) }]));
}

/** SELECT … FROM the runs of a view, sorted; the caller adds LIMIT/OFFSET or a keyset cursor. */
export function selectRunsSql(plan: SortPlan, hpKeys: readonly string[], where: Prisma.Sql, withSortKeys = false): Prisma.Sql {
  // `where` is a whole clause from whereClause(), possibly empty.
  return Prisma.sql`
    SELECT ${RUN_COLUMNS_SQL}${hpColumnsSql(hpKeys)}${withSortKeys ? Prisma.sql`, ${sortKeyColumnsSql(plan.keys)}` : Prisma.empty}
    FROM model_training_runs r ${plan.needsLiveAccuracy ? LIVE_ACCURACY_JOIN : Prisma.empty}
    ${where}
    ORDER BY ${orderBySql(plan.keys)}`;
}

/**
 * Sorting by version evaluates five string expressions per run (about 0.1 s at 100K runs); the major version
 * alone is one cheap CAST. The page's rows all have a major at or beyond the major of the last row the page
 * reaches, so that bound, read first, lets the full sort look at those runs only. Null when fewer runs match.
 */
async function versionMajorBound(client: Queryable, condition: Prisma.Sql | null, desc: boolean, reach: number): Promise<Prisma.Sql | null> {
  const rows = await client.$queryRaw<{ major: unknown }[]>`
    SELECT ${VERSION_MAJOR} AS major FROM model_training_runs r ${whereClause(condition)}
    ORDER BY major ${Prisma.raw(desc ? "DESC" : "ASC")} LIMIT 1 OFFSET ${reach - 1}`;
  if (rows.length === 0) return null;
  const major = toNumber(rows[0]!.major);
  return desc ? Prisma.sql`${VERSION_MAJOR} >= ${major}` : Prisma.sql`${VERSION_MAJOR} <= ${major}`;
}

/**
 * One page of the runs table for a view: the matching runs' count and the page's rows with their live accuracy.
 * The count scans the filtered table once; the page is read in the sort's order (by index for the default sort)
 * and live accuracy is aggregated for its runs only.
 */
export async function runsPage(view: RunsView, client: Queryable = db): Promise<RunsPage> {
  const cores = await loadVersionCores(client, view.filter);
  const condition = whereSql(view.filter, view.q, cores);
  const [{ total }] = await client.$queryRaw<[{ total: unknown }]>`
    SELECT COUNT(*) AS total FROM model_training_runs r ${whereClause(condition)}`;
  const rowCount = toNumber(total);
  const pageCount = Math.max(1, Math.ceil(rowCount / view.size));
  const page = Math.min(view.page, pageCount);
  if (rowCount === 0) return { rows: [], rowCount, pageCount, page };

  const plan = sortPlan(view.sort);
  const offset = (page - 1) * view.size;
  const bound = view.sort.id === "version" ? await versionMajorBound(client, condition, view.sort.desc, offset + view.size) : null;
  const raws = await client.$queryRaw<RawRunRow[]>`
    ${selectRunsSql(plan, view.hp, whereClause(condition, bound))}
    LIMIT ${view.size} OFFSET ${offset}`;
  const live = await liveAccuracyByRun(client, raws.map((row) => row.id));
  return { rows: raws.map((row) => toRunListRow(row, view.hp, live.get(row.id))), rowCount, pageCount, page };
}

/** How many training runs there are at all: 0 means the page explains how to get some. */
export async function countAllRuns(client: Queryable = db): Promise<number> {
  const [{ total }] = await client.$queryRaw<[{ total: unknown }]>`SELECT COUNT(*) AS total FROM model_training_runs`;
  return toNumber(total);
}
