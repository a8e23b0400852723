import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqlite } from "@/lib/db/sqlite";
import { insertQuery } from "@/lib/test-support/rows";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { trainingDataStream } from "./export-stream";
import { snapshotDownloadResponse } from "./snapshot-download";
import { parseSaveSnapshot, type SaveSnapshotInput } from "./snapshot-schema";
import { compareWithSnapshot, listSnapshots, saveSnapshot, snapshotById, verifySnapshot } from "./snapshots";
import { insertFeatureVector, insertFeedback } from "./test-rows";

let temp: TempDatabase;
beforeEach(() => {
  temp = createTempDatabase();
});
afterEach(() => temp.close());

const NOW = new Date("2026-03-10T12:00:00.000Z");

/** The schema version a snapshot records is the newest migration applied: read from the migrations folder. */
const newestMigrationDirectory = () =>
  fs.readdirSync(path.join(process.cwd(), "prisma/migrations"), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort().at(-1);

function seed() {
  const q1 = insertQuery(temp.sqlite, { timestamp: "2026-03-01T00:00:00.000Z" });
  const q2 = insertQuery(temp.sqlite, { timestamp: "2026-03-02T00:00:00.000Z" });
  const old = insertQuery(temp.sqlite, { timestamp: "2025-01-01T00:00:00.000Z" });
  insertFeatureVector(temp.sqlite, { id: "fv-a", query_id: q1, embedding: [0.1, -0.25], features: { tool_count: 2 } });
  insertFeatureVector(temp.sqlite, { id: "fv-b", query_id: q2, embedding: [0.5, 0.5], feature_version: "fv-2" });
  insertFeatureVector(temp.sqlite, { id: "fv-c", query_id: old, embedding: [1, 0] });
  insertFeedback(temp.sqlite, { query_id: q1, timestamp: "2026-03-01T00:01:00.000Z", feedback_type: "thumbs_up" });
  return { q1, q2 };
}

function input(overrides: Partial<SaveSnapshotInput> = {}): SaveSnapshotInput {
  return { name: "March training set", notes: null, format: "csv", days: 30, labelled: false, ...overrides };
}

const save = (overrides: Partial<SaveSnapshotInput> = {}) => saveSnapshot(input(overrides), { sqlite: temp.sqlite, client: temp.prisma(), now: NOW });

async function sha256Of(body: ReadableStream<Uint8Array> | Response): Promise<string> {
  const buffer = await (body instanceof Response ? body : new Response(body)).arrayBuffer();
  return createHash("sha256").update(Buffer.from(buffer)).digest("hex");
}

describe("saveSnapshot", () => {
  it("records the resolved filters, the rows and the SHA-256 of exactly the bytes the export serves", async () => {
    seed();
    const result = await save({ format: "jsonl" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const snapshot = (await snapshotById(result.id, temp.prisma()))!;
    expect(snapshot.filters).toEqual({ since: "2026-02-08T12:00:00.000Z", model: null, featureVersion: null, labelledOnly: false });
    expect([snapshot.days, snapshot.format, snapshot.rowCount, snapshot.featureVersions]).toEqual([30, "jsonl", 2, ["fv-1", "fv-2"]]);
    expect(snapshot.schemaVersion).toBe(newestMigrationDirectory());
    const served = await sha256Of(trainingDataStream(temp.sqlite, "jsonl", snapshot.filters));
    expect(snapshot.contentSha256).toBe(served);
    expect(snapshot.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    // The ids hash is of "fv-a\nfv-b\n": the two rows of the window, in export order.
    expect(snapshot.rowsSha256).toBe(createHash("sha256").update("fv-a\nfv-b\n").digest("hex"));
  });

  it("scrubs personal data from the name and notes and logs what was replaced", async () => {
    seed();
    const result = await save({ name: "set for ana@example.com", notes: "call +44 20 7946 0958" });
    if (!result.ok) throw new Error(result.message);
    const snapshot = (await snapshotById(result.id, temp.prisma()))!;
    expect(snapshot.name).toBe("set for [EMAIL]");
    expect(snapshot.notes).not.toContain("7946");
    const logged = temp.sqlite.prepare("SELECT pattern_matched FROM redaction_log WHERE source_table = 'training_data_snapshots' AND source_id = ? ORDER BY 1").pluck().all(result.id);
    expect(logged).toContain("email");
    expect(logged).toHaveLength(2);
  });

  it("refuses filters that select no rows, and writes nothing", async () => {
    seed();
    const result = await save({ model: "no-such-model" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { days: [expect.stringContaining("No rows")] } });
    expect(temp.sqlite.prepare("SELECT COUNT(*) FROM training_data_snapshots").pluck().get()).toBe(0);
  });
});

describe("re-exporting a snapshot", () => {
  it.each(["csv", "jsonl", "parquet"] as const)("gives byte-identical %s content while the rows are unchanged", async (format) => {
    seed();
    const result = await save({ format });
    if (!result.ok) throw new Error(result.message);
    const snapshot = (await snapshotById(result.id, temp.prisma()))!;
    const response = await snapshotDownloadResponse(snapshot, () => openSqlite(temp.url));
    expect(response.headers.get("X-Snapshot-Unchanged")).toBe("true");
    expect(response.headers.get("X-Content-SHA256")).toBe(snapshot.contentSha256);
    expect(await sha256Of(response)).toBe(snapshot.contentSha256);
    expect(await verifySnapshot(snapshot, temp.sqlite)).toMatchObject({ status: "unchanged", rowCountNow: 2, sameRows: true });
  });

  it("says the values changed when new feedback relabels one of the same rows", async () => {
    const { q2 } = seed();
    const result = await save();
    if (!result.ok) throw new Error(result.message);
    const snapshot = (await snapshotById(result.id, temp.prisma()))!;
    insertFeedback(temp.sqlite, { query_id: q2, timestamp: "2026-03-05T00:00:00.000Z", feedback_type: "thumbs_down" });
    const verification = await verifySnapshot(snapshot, temp.sqlite);
    expect(verification).toMatchObject({ status: "changed", sameRows: true, rowCountThen: 2, rowCountNow: 2 });
    expect(verification.summary).toBe("Changed: the same 2 rows, but their values differ (such as a new label or a recomputed feature vector).");
    const response = await snapshotDownloadResponse(snapshot, () => openSqlite(temp.url));
    expect(response.headers.get("X-Snapshot-Unchanged")).toBe("false");
    const body = await sha256Of(response);
    expect(body).not.toBe(snapshot.contentSha256);
    expect(body).toBe(response.headers.get("X-Content-SHA256"));
  });

  it("says how many rows there are now when a row joins the window", async () => {
    seed();
    const result = await save();
    if (!result.ok) throw new Error(result.message);
    const snapshot = (await snapshotById(result.id, temp.prisma()))!;
    const q3 = insertQuery(temp.sqlite, { timestamp: "2026-03-09T00:00:00.000Z" });
    insertFeatureVector(temp.sqlite, { id: "fv-d", query_id: q3, embedding: [0, 1] });
    expect((await verifySnapshot(snapshot, temp.sqlite)).summary).toBe("Changed: 2 rows when saved, 3 rows now.");
  });

  it("tells rows swapped for others (same count, other ids) from values that changed", async () => {
    const snapshot = { contentSha256: "a".repeat(64), rowsSha256: "b".repeat(64), rowCount: 5 };
    expect(compareWithSnapshot(snapshot, { contentSha256: "c".repeat(64), rowsSha256: "d".repeat(64), rowCount: 5 }).summary).toBe(
      "Changed: still 5 rows, but not the same ones (rows were both added and removed).",
    );
  });
});

describe("listSnapshots", () => {
  it("pages newest first with the runs that cite each snapshot", async () => {
    seed();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const result = await saveSnapshot(input({ name: `set ${i}` }), { sqlite: temp.sqlite, client: temp.prisma(), now: new Date(NOW.getTime() + i * 1000) });
      if (!result.ok) throw new Error(result.message);
      ids.push(result.id);
    }
    temp.sqlite
      .prepare("INSERT INTO model_training_runs (id, started_at, model_type, model_version, training_samples, training_data_snapshot_id) VALUES ('r1', ?, 'classifier', '1.0.0', 2, ?)")
      .run(NOW.toISOString(), ids[0]);
    const first = await listSnapshots(1, temp.prisma(), 2);
    expect([first.total, first.pageCount, first.snapshots.map((s) => s.name)]).toEqual([3, 2, ["set 2", "set 1"]]);
    const last = await listSnapshots(9, temp.prisma(), 2);
    expect([last.page, last.snapshots.map((s) => s.name), last.snapshots[0]!.runs]).toEqual([2, ["set 0"], [{ id: "r1", modelType: "classifier", modelVersion: "1.0.0" }]]);
    // A snapshot a run was trained on cannot be deleted from under it.
    expect(() => temp.sqlite.prepare("DELETE FROM training_data_snapshots WHERE id = ?").run(ids[0])).toThrow(/FOREIGN KEY/);
  });
});

describe("parseSaveSnapshot", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.set(key, value);
    return data;
  };

  it("reads the export form's fields, blank filters meaning none", () => {
    expect(parseSaveSnapshot(form({ name: " Set A ", notes: "", format: "parquet", days: "14", model: "", featureVersion: "fv-2", labelled: "true" }))).toEqual({
      ok: true,
      data: { name: "Set A", notes: null, format: "parquet", days: 14, featureVersion: "fv-2", labelled: true },
    });
  });

  it("answers each bad field beside it", () => {
    const result = parseSaveSnapshot(form({ name: "  ", format: "xlsx", days: "0" }));
    expect(result).toMatchObject({
      ok: false,
      message: "3 fields need attention; no snapshot was saved.",
      fieldErrors: { name: ["Name the snapshot, such as “classifier 2.4 training set”."], format: ["Choose csv, jsonl or parquet."], days: ["Days must be at least 1."] },
    });
  });
});
