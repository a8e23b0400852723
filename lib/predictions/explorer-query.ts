import "server-only";
import { db } from "@/lib/db";
import type { Queryable } from "@/lib/db/queryable";
import { toNumber, toNumberOrNull, toStringOrNull } from "@/lib/db/rows";
import { Prisma } from "@/lib/generated/prisma/client";
import { EXPLORER_PAGE_SIZE, type ExplorerView } from "./explorer-params";
import { labelOf } from "./prediction-value";

export type ExplorerRow = {
  id: string;
  queryId: string;
  runId: string;
  modelType: string;
  modelVersion: string;
  predictedAt: string;
  predictionType: string;
  /** The predicted and actual labels, decoded from their JSON. */
  predicted: string;
  actual: string | null;
  confidence: number | null;
  /** null while unlabelled. */
  correct: boolean | null;
  labeledAt: string | null;
};

export type ExplorerPage = { rows: ExplorerRow[]; total: number; page: number; pageCount: number; pageSize: number };

type Row = {
  id: string;
  query_id: string;
  model_run_id: string;
  model_type: string;
  model_version: string;
  predicted_at: string;
  prediction_type: string;
  prediction: string;
  actual_value: unknown;
  confidence: unknown;
  is_correct: unknown;
  labeled_at: unknown;
};

const sql = Prisma.sql;

function conditions(view: ExplorerView): Prisma.Sql {
  const where: Prisma.Sql[] = [];
  if (view.run) where.push(sql`p.model_run_id = ${view.run}`);
  if (view.type) where.push(sql`p.prediction_type = ${view.type}`);
  if (view.status === "correct") where.push(sql`p.is_correct = 1`);
  if (view.status === "wrong") where.push(sql`p.is_correct = 0`);
  if (view.status === "unlabelled") where.push(sql`p.is_correct IS NULL`);
  if (view.status === "labelled") where.push(sql`p.is_correct IS NOT NULL`);
  if (view.minConfidence !== null) where.push(sql`p.confidence >= ${view.minConfidence}`);
  if (view.maxConfidence !== null) where.push(sql`p.confidence <= ${view.maxConfidence}`);
  // ISO timestamps compare as text: a day's first instant, and the start of the day after `to`.
  if (view.from) where.push(sql`p.predicted_at >= ${`${view.from}T00:00:00.000Z`}`);
  if (view.to) where.push(sql`p.predicted_at < strftime('%Y-%m-%dT%H:%M:%fZ', ${view.to}, '+1 day')`);
  return where.length === 0 ? sql`1 = 1` : Prisma.join(where, " AND ");
}

/** One page of predictions, newest first, with the total that matches the filters (offset pagination). */
export async function predictionsPage(view: ExplorerView, client: Queryable = db): Promise<ExplorerPage> {
  const where = conditions(view);
  const [{ n }] = await client.$queryRaw<[{ n: unknown }]>`SELECT COUNT(*) AS n FROM model_predictions p WHERE ${where}`;
  const total = toNumber(n);
  const pageCount = Math.max(1, Math.ceil(total / EXPLORER_PAGE_SIZE));
  const page = Math.min(view.page, pageCount);
  const rows = await client.$queryRaw<Row[]>`
    SELECT p.id, p.query_id, p.model_run_id, r.model_type, r.model_version, p.predicted_at, p.prediction_type,
           p.prediction, p.actual_value, p.confidence, p.is_correct, p.labeled_at
    FROM model_predictions p JOIN model_training_runs r ON r.id = p.model_run_id
    WHERE ${where}
    ORDER BY p.predicted_at DESC, p.id DESC
    LIMIT ${EXPLORER_PAGE_SIZE} OFFSET ${(page - 1) * EXPLORER_PAGE_SIZE}`;
  return {
    rows: rows.map((row) => {
      const actual = toStringOrNull(row.actual_value);
      const verdict = toNumberOrNull(row.is_correct);
      return {
        id: row.id,
        queryId: row.query_id,
        runId: row.model_run_id,
        modelType: row.model_type,
        modelVersion: row.model_version,
        predictedAt: row.predicted_at,
        predictionType: row.prediction_type,
        predicted: labelOf(row.prediction),
        actual: actual === null ? null : labelOf(actual),
        confidence: toNumberOrNull(row.confidence),
        correct: verdict === null ? null : verdict === 1,
        labeledAt: toStringOrNull(row.labeled_at),
      };
    }),
    total,
    page,
    pageCount,
    pageSize: EXPLORER_PAGE_SIZE,
  };
}
