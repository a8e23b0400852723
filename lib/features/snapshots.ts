import "server-only";
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/db/client";
import { writeRedactionLog } from "@/lib/privacy/redaction-log";
import { scrubPii } from "@/lib/privacy/scrub-pii";
import { isModelType, type ModelType } from "@/lib/runs/model-types";
import { EXPORT_FORMATS, type ExportFormat } from "./export-params";
import type { ExportFilters } from "./export-rows";
import { inReadTransaction, latestMigration, measureExport } from "./snapshot-content";
import type { SaveSnapshotInput, SnapshotFieldErrors } from "./snapshot-schema";
import { exportFilters } from "./training-data-export";

export const SNAPSHOTS_TABLE = "training_data_snapshots";
export const SNAPSHOTS_PAGE_SIZE = 20;

type SnapshotClient = Pick<PrismaClient, "$transaction" | "trainingDataSnapshot">;

export type SnapshotRun = { id: string; modelType: ModelType; modelVersion: string };

export type Snapshot = {
  id: string;
  name: string;
  notes: string | null;
  createdAt: string;
  format: ExportFormat;
  /** The days the window spanned when saved; `filters.since` is the instant that re-exports use. */
  days: number;
  filters: ExportFilters;
  rowCount: number;
  byteCount: number;
  contentSha256: string;
  rowsSha256: string;
  schemaVersion: string;
  featureVersions: string[];
  /** The training runs that cite this snapshot, newest first. */
  runs: SnapshotRun[];
};

export type SaveSnapshotResult =
  | { ok: true; id: string; contentSha256: string; rowCount: number; redacted: string[] }
  | { ok: false; message: string; fieldErrors: SnapshotFieldErrors };

type SnapshotRecord = {
  id: string;
  name: string;
  notes: string | null;
  createdAt: string;
  format: string;
  since: string;
  days: number;
  embeddingModel: string | null;
  featureVersion: string | null;
  labelledOnly: number;
  rowCount: number;
  byteCount: number;
  contentSha256: string;
  rowsSha256: string;
  schemaVersion: string;
  featureVersions: string;
  runs: { id: string; modelType: string; modelVersion: string }[];
};

const RUNS_INCLUDE = {
  runs: { select: { id: true, modelType: true, modelVersion: true }, orderBy: [{ startedAt: "desc" as const }, { id: "asc" as const }] },
};

function toSnapshot(record: SnapshotRecord): Snapshot {
  const format = EXPORT_FORMATS.find((candidate) => candidate === record.format);
  if (!format) throw new TypeError(`Unknown export format "${record.format}"`);
  return {
    id: record.id,
    name: record.name,
    notes: record.notes,
    createdAt: record.createdAt,
    format,
    days: record.days,
    filters: { since: record.since, model: record.embeddingModel, featureVersion: record.featureVersion, labelledOnly: record.labelledOnly === 1 },
    rowCount: record.rowCount,
    byteCount: record.byteCount,
    contentSha256: record.contentSha256,
    rowsSha256: record.rowsSha256,
    schemaVersion: record.schemaVersion,
    featureVersions: JSON.parse(record.featureVersions) as string[],
    runs: record.runs.flatMap((run) => (isModelType(run.modelType) ? [{ id: run.id, modelType: run.modelType, modelVersion: run.modelVersion }] : [])),
  };
}

/**
 * Saves an export as a snapshot: resolves the filters (`days` becomes the instant `since`), measures the export
 * in one read transaction of `sqlite` (the hash is of the very bytes the export route serves), scrubs the name
 * and notes of personal data, and writes the snapshot with its redaction log in one transaction.
 */
export async function saveSnapshot(
  input: SaveSnapshotInput,
  { sqlite, client = db, now = new Date() }: { sqlite: Database.Database; client?: SnapshotClient; now?: Date },
): Promise<SaveSnapshotResult> {
  const filters = exportFilters(input, now);
  const { measure, schemaVersion } = await inReadTransaction(sqlite, async () => ({
    measure: await measureExport(sqlite, input.format, filters),
    schemaVersion: latestMigration(sqlite),
  }));
  if (measure.rowCount === 0) {
    return {
      ok: false,
      message: "These filters select no rows; a snapshot of nothing was not saved. Widen the window or drop a filter.",
      fieldErrors: { days: ["No rows in this window with these filters."] },
    };
  }
  const name = scrubPii(input.name);
  const notes = input.notes === null ? null : scrubPii(input.notes);
  const findings = [...name.findings, ...(notes?.findings ?? [])];
  const id = randomUUID();
  await client.$transaction(async (tx) => {
    await tx.trainingDataSnapshot.create({
      data: {
        id,
        name: name.text,
        notes: notes?.text ?? null,
        createdAt: now.toISOString(),
        format: input.format,
        since: filters.since,
        days: input.days,
        embeddingModel: filters.model,
        featureVersion: filters.featureVersion,
        labelledOnly: filters.labelledOnly ? 1 : 0,
        rowCount: measure.rowCount,
        byteCount: measure.byteCount,
        contentSha256: measure.contentSha256,
        rowsSha256: measure.rowsSha256,
        schemaVersion,
        featureVersions: JSON.stringify(measure.featureVersions),
      },
    });
    await writeRedactionLog(tx, { sourceTable: SNAPSHOTS_TABLE, sourceId: id, findings });
  });
  return { ok: true, id, contentSha256: measure.contentSha256, rowCount: measure.rowCount, redacted: [...new Set(findings.map((f) => f.category))] };
}

export type SnapshotPage = { snapshots: Snapshot[]; total: number; page: number; pageCount: number; pageSize: number };

/** One page of snapshots, newest first; a page past the end is clamped to the last. */
export async function listSnapshots(page = 1, client: Pick<PrismaClient, "trainingDataSnapshot"> = db, pageSize = SNAPSHOTS_PAGE_SIZE): Promise<SnapshotPage> {
  const total = await client.trainingDataSnapshot.count();
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const records = await client.trainingDataSnapshot.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (current - 1) * pageSize,
    take: pageSize,
    include: RUNS_INCLUDE,
  });
  return { snapshots: records.map(toSnapshot), total, page: current, pageCount, pageSize };
}

/** The snapshot with this id, or null. */
export async function snapshotById(id: string, client: Pick<PrismaClient, "trainingDataSnapshot"> = db): Promise<Snapshot | null> {
  const record = await client.trainingDataSnapshot.findUnique({ where: { id }, include: RUNS_INCLUDE });
  return record ? toSnapshot(record) : null;
}

export type SnapshotChoice = { id: string; name: string; createdAt: string; rowCount: number; contentSha256: string };

/** Every snapshot, newest first, for the run form's select. */
export async function snapshotChoices(client: Pick<PrismaClient, "trainingDataSnapshot"> = db): Promise<SnapshotChoice[]> {
  return client.trainingDataSnapshot.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true, createdAt: true, rowCount: true, contentSha256: true },
  });
}

export type SnapshotVerification = {
  status: "unchanged" | "changed";
  contentSha256: string;
  rowCountThen: number;
  rowCountNow: number;
  /** The same feature vectors in the same order (so only values, such as a label, changed). */
  sameRows: boolean;
  summary: string;
};

/** Compares a fresh measurement of a snapshot's filters with what was saved. */
export function compareWithSnapshot(snapshot: Pick<Snapshot, "contentSha256" | "rowsSha256" | "rowCount">, now: { contentSha256: string; rowsSha256: string; rowCount: number }): SnapshotVerification {
  const sameRows = now.rowsSha256 === snapshot.rowsSha256;
  const base = { contentSha256: now.contentSha256, rowCountThen: snapshot.rowCount, rowCountNow: now.rowCount, sameRows };
  if (now.contentSha256 === snapshot.contentSha256) {
    return { ...base, status: "unchanged", summary: "Unchanged: a re-export gives byte-identical content (the SHA-256 matches)." };
  }
  const rows = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "row" : "rows"}`;
  const summary = sameRows
    ? `Changed: the same ${rows(now.rowCount)}, but their values differ (such as a new label or a recomputed feature vector).`
    : now.rowCount === snapshot.rowCount
      ? `Changed: still ${rows(now.rowCount)}, but not the same ones (rows were both added and removed).`
      : `Changed: ${rows(snapshot.rowCount)} when saved, ${rows(now.rowCount)} now.`;
  return { ...base, status: "changed", summary };
}

/** Re-exports a snapshot's filters in its format and says whether the content is what was saved. */
export async function verifySnapshot(snapshot: Snapshot, sqlite: Database.Database): Promise<SnapshotVerification> {
  const now = await inReadTransaction(sqlite, () => measureExport(sqlite, snapshot.format, snapshot.filters));
  return compareWithSnapshot(snapshot, now);
}
