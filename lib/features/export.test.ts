import { createHash } from "node:crypto";
import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Rng } from "@/lib/random";
import { insertQuery } from "@/lib/test-support/rows";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { parseExportParams } from "./export-params";
import { fillEmbeddingDoubles } from "./embedding-doubles";
import { exportByteRowBatches, type ExportFilters } from "./export-rows";
import { ParquetBatchEncoder } from "./parquet/export-parquet";
import { trainingDataStream } from "./export-stream";
import { insertFeatureVector, insertFeedback } from "./test-rows";

let temp: TempDatabase;
beforeEach(() => {
  temp = createTempDatabase();
});
afterEach(() => temp.close());

const ALL: ExportFilters = { since: "2000-01-01T00:00:00.000Z", model: null, featureVersion: null, labelledOnly: false };

async function bytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Splits CSV text written by RFC 4180 rules (quoted fields may hold commas and doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = "";
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  return rows;
}

function seed(db: TempDatabase["sqlite"]) {
  // q1: thumbs down first, then a 5-star rating, so the latest (positive) decides; q2 unlabelled (implicit only);
  // q3 another model and feature version; q4 outside a 30-day window.
  const q1 = insertQuery(db, { timestamp: "2026-03-01T00:00:00.000Z" });
  const q2 = insertQuery(db, { timestamp: "2026-03-02T00:00:00.000Z" });
  const q3 = insertQuery(db, { timestamp: "2026-03-03T00:00:00.000Z" });
  const q4 = insertQuery(db, { timestamp: "2025-12-01T00:00:00.000Z" });
  insertFeatureVector(db, { id: "fv-a", query_id: q1, embedding: [0.1, -0.25, 1e-5], features: { tool_count: 2, profile: "fast" } });
  insertFeatureVector(db, { id: "fv-b", query_id: q2, embedding: [0.5, 0.5, 0.5], features: { tool_count: 0, profile: "balanced" } });
  insertFeatureVector(db, { id: "fv-c", query_id: q3, embedding: [1, 0], embedding_model: "other", feature_version: "fv-2" });
  insertFeatureVector(db, { id: "fv-d", query_id: q4, embedding: [0, 1, 0] });
  // A recomputed vector of q2 for the same model: only the newer one is exported.
  insertFeatureVector(db, { id: "fv-e", query_id: q2, embedding: [0.6, 0.6, 0.6], computed_at: "2026-01-02T00:00:00.000Z" });
  insertFeedback(db, { query_id: q1, timestamp: "2026-03-01T00:01:00.000Z", feedback_type: "thumbs_down" });
  insertFeedback(db, { query_id: q1, timestamp: "2026-03-01T00:02:00.000Z", feedback_type: "explicit", rating: 5 });
  insertFeedback(db, { query_id: q2, timestamp: "2026-03-02T00:01:00.000Z", feedback_type: "implicit" });
  return { q1, q2, q3, q4 };
}

describe("training-data export", () => {
  it("labels a query by its latest labelling feedback and keeps one row per query and model", async () => {
    const { q1, q2 } = seed(temp.sqlite);
    const text = new TextDecoder().decode(await bytes(trainingDataStream(temp.sqlite, "jsonl", ALL)));
    const rows = text.trim().split("\n").map((line) => JSON.parse(line));
    expect(rows.map((row) => row.feature_vector_id)).toEqual(["fv-a", "fv-c", "fv-d", "fv-e"]);
    const first = rows.find((row) => row.query_id === q1)!;
    expect([first.positive_label, first.label_feedback_type, first.label_rating, first.feedback_count]).toEqual([1, "explicit", 5, 2]);
    expect(first.embedding).toEqual([0.1, -0.25, 1e-5]);
    expect(first.features).toEqual({ tool_count: 2, profile: "fast" });
    const second = rows.find((row) => row.query_id === q2)!;
    expect([second.positive_label, second.feedback_count, second.embedding]).toEqual([null, 1, [0.6, 0.6, 0.6]]);
  });

  it("applies the window, model, feature version and labelled-only filters", async () => {
    seed(temp.sqlite);
    const ids = async (filters: Partial<ExportFilters>) => {
      const text = new TextDecoder().decode(await bytes(trainingDataStream(temp.sqlite, "jsonl", { ...ALL, ...filters })));
      return text.trim().split("\n").filter(Boolean).map((line) => JSON.parse(line).feature_vector_id);
    };
    expect(await ids({ since: "2026-02-01T00:00:00.000Z" })).toEqual(["fv-a", "fv-c", "fv-e"]);
    expect(await ids({ model: "other" })).toEqual(["fv-c"]);
    expect(await ids({ featureVersion: "fv-1", labelledOnly: true })).toEqual(["fv-a"]);
  });

  it("CSV, JSONL and Parquet hold the same rows and values, in batches smaller than the export", async () => {
    seed(temp.sqlite);
    const jsonl = new TextDecoder().decode(await bytes(trainingDataStream(temp.sqlite, "jsonl", ALL, 2)));
    const fromJsonl = jsonl.trim().split("\n").map((line) => JSON.parse(line));
    const [header, ...csvRows] = parseCsv(new TextDecoder().decode(await bytes(trainingDataStream(temp.sqlite, "csv", ALL, 2))));
    const parquet = await bytes(trainingDataStream(temp.sqlite, "parquet", ALL, 2));
    const fromParquet = await parquetReadObjects({ file: parquet.buffer as ArrayBuffer });

    expect(csvRows).toHaveLength(fromJsonl.length);
    expect(fromParquet).toHaveLength(fromJsonl.length);
    fromJsonl.forEach((row, i) => {
      const csv = Object.fromEntries(header!.map((name, j) => [name, csvRows[i]![j]]));
      const pq = fromParquet[i]!;
      for (const [column, value] of Object.entries(row)) {
        if (column === "embedding" || column === "features") {
          expect(JSON.parse(csv[column]!), `csv ${column}`).toEqual(value);
          expect(column === "features" ? pq[column] : pq[column], `parquet ${column}`).toEqual(value);
        } else {
          expect(csv[column], `csv ${column}`).toBe(value === null ? "" : String(value));
          const parquetValue = typeof pq[column] === "bigint" ? Number(pq[column]) : pq[column];
          expect(parquetValue ?? null, `parquet ${column}`).toEqual(value);
        }
      }
    });
  });

  it("gives the same bytes twice for the same rows (CSV and JSONL whatever the batch size)", async () => {
    seed(temp.sqlite);
    for (const format of ["csv", "jsonl", "parquet"] as const) {
      const a = await bytes(trainingDataStream(temp.sqlite, format, ALL));
      const b = await bytes(trainingDataStream(temp.sqlite, format, ALL));
      expect(Buffer.from(a).equals(Buffer.from(b)), format).toBe(true);
    }
    for (const format of ["csv", "jsonl"] as const) {
      const whole = await bytes(trainingDataStream(temp.sqlite, format, ALL));
      const batched = await bytes(trainingDataStream(temp.sqlite, format, ALL, 1));
      expect(Buffer.from(whole).equals(Buffer.from(batched)), format).toBe(true);
    }
  });
});

describe("Parquet row groups over pages", () => {
  /** `count` vectors, one query each, with 384-dimensional embeddings like the real ones. */
  function seedMany(count: number) {
    const rng = new Rng("export/pages");
    temp.sqlite.transaction(() => {
      for (let i = 0; i < count; i++) {
        const query = insertQuery(temp.sqlite, { timestamp: "2026-01-02T00:00:00.000Z" });
        insertFeatureVector(temp.sqlite, { id: `fv-${String(i).padStart(5, "0")}`, query_id: query, embedding: Array.from({ length: 384 }, () => Math.round(rng.normal() * 1e5) / 1e5) });
      }
    })();
  }

  it("streams an export of more pages than one row group holds, in row groups of the batch size", async () => {
    seedMany(1_250);
    // Pages of 500 rows, one row group of 1,250 (the default 2,000 is not reached).
    const whole = await bytes(trainingDataStream(temp.sqlite, "parquet", ALL));
    expect(parquetMetadata(whole.buffer as ArrayBuffer).row_groups.map((group) => Number(group.num_rows))).toEqual([1_250]);
    // Row groups of 600 from pages of 500: pages straddle groups; the file is what one row group per 600 rows gives.
    const straddled = await bytes(trainingDataStream(temp.sqlite, "parquet", ALL, 600));
    const reference = new ParquetBatchEncoder();
    for (const batch of exportByteRowBatches(temp.sqlite, ALL, 600)) reference.writeBytes(batch.rows);
    reference.finish();
    expect(Buffer.from(straddled).equals(Buffer.from(reference.take()))).toBe(true);
    expect(parquetMetadata(straddled.buffer as ArrayBuffer).row_groups.map((group) => Number(group.num_rows))).toEqual([600, 600, 50]);
    const rows = await parquetReadObjects({ file: straddled.buffer as ArrayBuffer });
    expect(rows.map((row) => row.feature_vector_id)).toEqual(Array.from({ length: 1_250 }, (_, i) => `fv-${String(i).padStart(5, "0")}`));
  });

  it("gives the same file whether embeddings are copied from their float64 copies, parsed, or both within a page", async () => {
    seedMany(1_250);
    const sha = async (rowGroupSize?: number) => createHash("sha256").update(await bytes(trainingDataStream(temp.sqlite, "parquet", ALL, rowGroupSize))).digest("hex");
    // Which pages of 500 the reader hands over as doubles.
    const copiedPages = () => [...exportByteRowBatches(temp.sqlite, ALL, 500, "doubles")].map((batch) => batch.doubles !== null);
    const parsed = [await sha(), await sha(600)];
    expect(copiedPages()).toEqual([false, false, false]);
    expect(fillEmbeddingDoubles(temp.sqlite)).toBe(1_250);
    expect(copiedPages()).toEqual([true, true, true]);
    const copied = [await sha(), await sha(600)];
    expect(copied).toEqual(parsed);
    // Every seventh copy gone: each page mixes vectors with and without one (the page falls back to the JSON).
    temp.sqlite.prepare("DELETE FROM embedding_doubles WHERE CAST(substr(feature_vector_id, 4) AS INTEGER) % 7 = 0").run();
    expect(copiedPages()).toEqual([false, false, false]);
    expect([await sha(), await sha(600)]).toEqual(parsed);
    // The first page whole without copies, the others with.
    fillEmbeddingDoubles(temp.sqlite);
    temp.sqlite.prepare("DELETE FROM embedding_doubles WHERE feature_vector_id < 'fv-00500'").run();
    expect(copiedPages()).toEqual([false, true, true]);
    expect([await sha(), await sha(600)]).toEqual(parsed);
    const file = await bytes(trainingDataStream(temp.sqlite, "parquet", ALL));
    const rows = await parquetReadObjects({ file: file.buffer as ArrayBuffer });
    const stored = temp.sqlite.prepare("SELECT embedding FROM feature_vectors WHERE id = 'fv-00777'").pluck().get() as string;
    expect(rows[777]!.embedding).toEqual(JSON.parse(stored));
  });
});

describe("parseExportParams", () => {
  it("defaults to CSV over 90 days, all models and versions, labelled or not", () => {
    expect(parseExportParams(new URLSearchParams(""))).toEqual({ ok: true, params: { format: "csv", days: 90, labelled: false } });
  });

  it("answers each bad parameter with its own field error", () => {
    const result = parseExportParams(new URLSearchParams("format=xml&days=0&labelled=maybe&colour=red"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["colour", "days", "format", "labelled"]);
    expect(result.fieldErrors.days).toEqual(["Days must be at least 1."]);
  });
});
