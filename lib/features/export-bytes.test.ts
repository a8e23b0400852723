import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertRow } from "@/lib/db/test-fixtures/valid-rows";
import { Rng } from "@/lib/random";
import { insertQuery } from "@/lib/test-support/rows";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { EXPORT_COLUMNS, type ExportFilters } from "./export-rows";
import { trainingDataStream } from "./export-stream";
import { insertFeedback } from "./test-rows";

// Pins the CSV and JSONL bytes to a plain reimplementation of the export's rules (labelling.ts) written from the
// raw tables, so a faster query or writer cannot change a byte of what snapshots hash.

let temp: TempDatabase;
beforeEach(() => {
  temp = createTempDatabase();
});
afterEach(() => temp.close());

const EMBEDDINGS = ["[0.1,-0.25,1e-05]", '["é","a\\"b",1]', "[3]", '["x,y"]', "[1.5e+300,-0,2]"];
const FEATURES = [null, "{}", '{"note":"comma, \\"quote\\" and\\nnewline"}', '{"emoji":"🙂","k":1}'];
const QUALITY = [null, 0.1 + 0.2, 1e-7, 0.5, 1];

function seed(db: TempDatabase["sqlite"]) {
  const rng = new Rng("export-bytes");
  for (let i = 0; i < 120; i++) {
    const q = insertQuery(db, { timestamp: `2026-0${rng.int(1, 9)}-1${rng.int(0, 9)}T00:00:00.000Z` });
    db.prepare("UPDATE queries SET result_quality_score = ?, tool_calls = ?, query_type = ? WHERE id = ?").run(rng.pick(QUALITY), rng.int(0, 4), rng.pick(["search", "code", "reason"]), q);
    for (let v = 0; v < rng.int(1, 3); v++) {
      const embedding = rng.pick(EMBEDDINGS);
      insertRow(db, "feature_vectors", {
        id: `fv-${String(i).padStart(3, "0")}-${v}${rng.pick(["", "z", "é"])}`,
        query_id: q,
        computed_at: `2026-01-0${rng.int(1, 3)}T00:00:00.000Z`,
        embedding,
        embedding_model: rng.pick(["m1", "m2", null]),
        embedding_dim: JSON.parse(embedding).length,
        features: rng.pick(FEATURES),
        feature_version: rng.pick(["fv-1", "fv-2", null]),
      });
    }
    for (let f = 0; f < rng.int(0, 3); f++) {
      const type = rng.pick(["thumbs_up", "thumbs_down", "explicit", "implicit"] as const);
      insertFeedback(db, { query_id: q, timestamp: `2026-02-0${rng.int(1, 3)}T00:00:00.000Z`, feedback_type: type, rating: type === "explicit" && rng.chance(0.8) ? rng.int(1, 5) : undefined });
    }
  }
}

type Row = Record<string, string | number | null>;

function referenceRows(db: TempDatabase["sqlite"], filters: ExportFilters): Row[] {
  const vectors = db.prepare("SELECT fv.*, fv.id AS feature_vector_id, q.* , q.id AS query_id FROM feature_vectors fv JOIN queries q ON q.id = fv.query_id").all() as Row[];
  const feedback = db.prepare("SELECT * FROM feedback").all() as Row[];
  const later = (a: Row, b: Row) => (a.computed_at! > b.computed_at! || (a.computed_at === b.computed_at && a.feature_vector_id! > b.feature_vector_id!));
  const rows: Row[] = [];
  for (const fv of vectors) {
    if (vectors.some((other) => other.query_id === fv.query_id && other.embedding_model === fv.embedding_model && later(other, fv))) continue;
    const ofQuery = feedback.filter((f) => f.query_id === fv.query_id);
    const labelling = ofQuery.filter((f) => f.feedback_type === "thumbs_up" || f.feedback_type === "thumbs_down" || (f.feedback_type === "explicit" && f.rating !== null));
    labelling.sort((a, b) => (a.timestamp! < b.timestamp! ? 1 : a.timestamp! > b.timestamp! ? -1 : a.id! < b.id! ? 1 : -1));
    const label = labelling[0];
    if (fv.timestamp! < filters.since) continue;
    if (filters.model !== null && fv.embedding_model !== filters.model) continue;
    if (filters.featureVersion !== null && fv.feature_version !== filters.featureVersion) continue;
    if (filters.labelledOnly && !label) continue;
    const positive = !label ? null : label.feedback_type === "thumbs_up" || (label.rating as number) >= 4 ? 1 : 0;
    rows.push({
      ...fv,
      label_feedback_type: label?.feedback_type ?? null,
      label_rating: label?.rating ?? null,
      feedback_count: ofQuery.length,
      positive_label: positive,
    });
  }
  return rows.sort((a, b) => Buffer.compare(Buffer.from(a.feature_vector_id as string), Buffer.from(b.feature_vector_id as string)));
}

const csvCell = (value: string | number | null) => (value === null ? "" : /[",\r\n]/.test(String(value)) ? `"${String(value).replaceAll('"', '""')}"` : String(value));
const referenceCsv = (rows: Row[]) => `${EXPORT_COLUMNS.join(",")}\n${rows.map((row) => `${EXPORT_COLUMNS.map((c) => csvCell(row[c] ?? null)).join(",")}\n`).join("")}`;
const referenceJsonl = (rows: Row[]) =>
  rows.map((row) => `{${EXPORT_COLUMNS.map((c) => `"${c}":${(c === "features" || c === "embedding") && row[c] !== null ? row[c] : JSON.stringify(row[c] ?? null)}`).join(",")}}\n`).join("");

describe("export bytes", () => {
  const ALL: ExportFilters = { since: "2000-01-01T00:00:00.000Z", model: null, featureVersion: null, labelledOnly: false };
  const FILTERS: ExportFilters[] = [ALL, { ...ALL, labelledOnly: true }, { ...ALL, since: "2026-05-01T00:00:00.000Z", model: "m1" }, { ...ALL, featureVersion: "fv-2", labelledOnly: true }];

  it.each(FILTERS.map((filters, i) => [i, filters] as const))("CSV and JSONL equal a plain reimplementation, byte for byte (filters %i)", async (_, filters) => {
    seed(temp.sqlite);
    const rows = referenceRows(temp.sqlite, filters);
    expect(rows.length).toBeGreaterThan(5);
    for (const batch of [2_000, 7]) {
      const csv = Buffer.from(await new Response(trainingDataStream(temp.sqlite, "csv", filters, batch)).arrayBuffer());
      const jsonl = Buffer.from(await new Response(trainingDataStream(temp.sqlite, "jsonl", filters, batch)).arrayBuffer());
      expect(csv.equals(Buffer.from(referenceCsv(rows))), `csv, batches of ${batch}`).toBe(true);
      expect(jsonl.equals(Buffer.from(referenceJsonl(rows))), `jsonl, batches of ${batch}`).toBe(true);
    }
  });
});
