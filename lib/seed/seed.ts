import type Database from "better-sqlite3";
import { computeQueryClusters } from "@/lib/features/query-clusters";
import { Rng } from "@/lib/random";
import { MODEL_TYPES, type ModelType } from "@/lib/runs/model-types";
import { computeDailyAggregates } from "@/lib/telemetry/daily-aggregates";
import { DAY_MS, toIsoTimestamp } from "@/lib/time";
import { abTestRows } from "./ab-results";
import { EMBEDDING_MODEL } from "./catalog";
import { buildLookupTables, type GenerationContext } from "./context";
import { planDeployments } from "./deployments";
import { EmbeddingSpace } from "./embeddings";
import { SeedError } from "./errors";
import { CorrectnessSampler } from "./outcomes";
import { type Progress, silentProgress } from "./progress";
import { generateRuns, type RunPlan } from "./runs";
import { generateDay } from "./sessions";
import { SEED_SIZES, type SeedSize, type SeedSizeName } from "./sizes";
import { activeSubjectsTable, generateSubjects } from "./subjects";
import { nonEmptyDataTables, resetDatabase, type TableName, tableCounts } from "./tables";
import { TimeModel } from "./time-model";
import { TrafficModel } from "./traffic";
import { SeedWriter } from "./writer";

/**
 * Seeds an empty, migrated database with deterministic demo data: the same size, seed, anchor and secret key
 * give byte-identical table contents. Generation runs one UTC day at a time (each day from its own PRNG
 * stream) and inserts that day in one transaction before generating the next, so memory stays bounded by a
 * day of rows whatever the size. The A/B tests' counts are then derived from the inserted predictions, and daily
 * aggregates and query clusters computed from the inserted rows by the same code the product uses.
 */
export type SeedOptions = {
  size: SeedSizeName | SeedSize;
  /** Default 1. */
  seed?: number | string;
  /** The "now" the data ends at. */
  anchor: Date | string;
  /** HMAC key for every hash (lib/privacy/secret-key.ts). */
  key: Uint8Array;
  progress?: Progress;
};

export type SeedResult = {
  size: string;
  seed: string;
  anchor: string;
  counts: Record<TableName, number>;
  elapsedMs: number;
};

export { SeedError };

const ROWS_PER_COMMIT = 250_000;
/** Page cache for the bulk load (KiB; negative means KiB to SQLite): bounded, and restored afterwards. */
const BULK_CACHE_KIB = 128 * 1024;

/** Runs `load` with a larger page cache, so index pages touched by random keys stay in memory between rows. */
function withBulkLoadSettings(db: Database.Database, load: () => void): void {
  const cacheSize = db.pragma("cache_size", { simple: true }) as number;
  db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  try {
    load();
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
}

/** Units of progress for the work after the daily chunks. */
const AGGREGATE_UNITS = 2;
const CLUSTER_UNITS = 3;

export function seedProgressUnits(size: SeedSize, anchor: Date | string): number {
  return new TimeModel(new Date(anchor).getTime(), size.days, size.fv1Days).days().length + AGGREGATE_UNITS + CLUSTER_UNITS;
}

export function seedDatabase(db: Database.Database, options: SeedOptions): SeedResult {
  const started = performance.now();
  const size = typeof options.size === "string" ? SEED_SIZES[options.size] : options.size;
  const seed = String(options.seed ?? 1);
  const anchorMs = new Date(options.anchor).getTime();
  if (Number.isNaN(anchorMs)) throw new SeedError(`Invalid anchor: ${String(options.anchor)}`);
  const progress = options.progress ?? silentProgress;
  const occupied = nonEmptyDataTables(db);
  if (occupied.length > 0) {
    throw new SeedError(`The database is not empty (rows in ${occupied.join(", ")}); seed only an empty database.`);
  }
  try {
    fillDatabase(db, size, seed, anchorMs, options.key, progress);
  } catch (error) {
    // Days are committed as they go: leave the database empty, as it was, rather than half seeded.
    try {
      resetDatabase(db);
    } catch {
      // The original error is the one to report.
    }
    throw error;
  }
  return { size: size.name, seed, anchor: toIsoTimestamp(anchorMs), counts: tableCounts(db), elapsedMs: performance.now() - started };
}

function fillDatabase(db: Database.Database, size: SeedSize, seed: string, anchorMs: number, key: Uint8Array, progress: Progress): void {
  const root = new Rng(`rall-seed/${seed}`);
  const time = new TimeModel(anchorMs, size.days, size.fv1Days);
  const writer = new SeedWriter(db);

  progress.phase("subjects, runs, A/B test plan");
  const { subjects, consent } = generateSubjects(root.fork("subjects"), size.subjects, time, key);
  const trainingScale = Math.max(1, Math.sqrt(size.sessions / 2_000));
  const runsByType = new Map<ModelType, RunPlan[]>(
    MODEL_TYPES.map((type, index) => [
      type,
      generateRuns(root.fork(`runs/${type}`), type, index, size.runsPerType[type], time, size.runHistoryDays, type === "classifier", trainingScale),
    ]),
  );
  const traffic = new TrafficModel(time, size);
  const { timeline, abTests } = planDeployments(root.fork("deployments"), runsByType, time, traffic, size.abTestPlan, size.directPromotionShare);
  const runRows = [...runsByType.values()].flat().map((run) => run.row);
  progress.advance(0, writer.insertReferenceData(consent, runRows));

  const ctx: GenerationContext = {
    correctness: new CorrectnessSampler(root.fork("correctness")),
    time,
    key,
    size,
    embeddings: new EmbeddingSpace(root.fork("embeddings")),
    serving: timeline,
    tables: buildLookupTables(),
  };
  const sessionsPerWeight = traffic.sessionsPerWeight;
  withBulkLoadSettings(db, () => {
    // Days are generated and inserted one at a time (memory: one day of rows), but committed in groups of about
    // ROWS_PER_COMMIT rows: rows have random UUID keys, so every commit rewrites index pages all over the file,
    // and a commit per day would write the whole index many times over.
    let uncommitted = 0;
    db.exec("BEGIN IMMEDIATE");
    try {
      for (const slot of time.days()) {
        progress.phase(slot.date);
        const batch = generateDay(root.fork(`day/${slot.date}`), ctx, slot, activeSubjectsTable(subjects, slot.start, slot.end), sessionsPerWeight);
        const rows = writer.insertBatch(batch);
        uncommitted += rows;
        if (uncommitted >= ROWS_PER_COMMIT) {
          db.exec("COMMIT");
          db.exec("BEGIN IMMEDIATE");
          uncommitted = 0;
        }
        progress.advance(1, rows);
      }
      db.exec("COMMIT");
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw error;
    }
  });

  progress.phase("A/B tests");
  progress.advance(0, writer.insertAbTests(abTestRows(db, abTests)));

  progress.phase("daily aggregates");
  const days = computeDailyAggregates(db, { computedAt: toIsoTimestamp(anchorMs) });
  progress.advance(AGGREGATE_UNITS, days.length);

  progress.phase("query clusters");
  // An earlier clustering (k = 6, a month ago, on the vectors that existed then) and the current one (k = 8).
  let clusterRows = 0;
  for (const { k, at } of [{ k: 6, at: anchorMs - 30 * DAY_MS }, { k: 8, at: anchorMs }]) {
    const saved = computeQueryClusters(db, {
      k,
      embeddingModel: EMBEDDING_MODEL,
      seed: `${seed}/k${k}`,
      computedAt: toIsoTimestamp(at),
      maxSamples: size.clusterMaxSamples,
    });
    if (saved) clusterRows++;
  }
  progress.advance(CLUSTER_UNITS, clusterRows);
  progress.finish();
}
