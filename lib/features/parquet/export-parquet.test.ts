import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { Rng } from "@/lib/random";
import { EXPORT_COLUMNS, type ExportByteRow, type ExportRow } from "../export-rows";
import { PARQUET_SCHEMA, ParquetBatchEncoder } from "./export-parquet";

// Our writer is read back by hyparquet, an independent reader, and compared with what hyparquet-writer (the
// writer it replaced) produces for the same rows.

const NULLABLE = EXPORT_COLUMNS.filter((column) => column !== "embedding");

function exportRow(i: number, rng: Rng): ExportRow {
  const embedding = Array.from({ length: 8 }, () => Math.round(rng.normal(0, 1) * 1e6) / 1e6);
  return {
    query_id: `q-${i}`, query_hash: "ab".repeat(32), timestamp: `2026-03-0${1 + (i % 9)}T00:00:00.000Z`, query_type: rng.pick(["search", "code", "réason 🙂"]),
    query_length: rng.int(0, 400), query_token_count: rng.chance(0.5) ? null : rng.int(0, 100), latency_ms: rng.int(0, 5_000_000_000), tool_calls: rng.int(0, 5),
    result_quality_score: rng.chance(0.3) ? null : rng.next(), error_occurred: rng.int(0, 1), feature_vector_id: `fv-${String(i).padStart(4, "0")}`,
    embedding_model: rng.pick(["m1", null]), embedding_dim: embedding.length, feature_version: rng.pick(["fv-1", "fv-2", null]),
    features: rng.pick([null, '{"tool_count":2,"profile":"fast"}', '{"note":"naïve, \\"quoted\\"\\nline","emoji":"🙂"}']),
    embedding: JSON.stringify(embedding), label_feedback_type: rng.pick([null, "thumbs_up", "explicit"]), label_rating: rng.chance(0.5) ? null : rng.int(1, 5),
    feedback_count: rng.int(0, 3), positive_label: rng.pick([null, 0, 1]),
  };
}

function encode(batches: readonly ExportRow[][]): Uint8Array {
  const encoder = new ParquetBatchEncoder();
  const chunks: Uint8Array[] = [];
  for (const batch of batches) {
    encoder.write(batch);
    chunks.push(encoder.take());
  }
  encoder.finish();
  chunks.push(encoder.take());
  return Buffer.concat(chunks);
}

const arrayBuffer = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
const read = (bytes: Uint8Array) => parquetReadObjects({ file: arrayBuffer(bytes) });

/** What a reader should see: integers as bigint (INT64), features and embedding parsed. */
const expected = (row: ExportRow) =>
  Object.fromEntries(
    EXPORT_COLUMNS.map((column) => {
      const value = row[column];
      if (value === null) return [column, null];
      if (column === "features" || column === "embedding") return [column, JSON.parse(value as string)];
      if (typeof value === "number" && column !== "result_quality_score") return [column, BigInt(value)];
      return [column, value];
    }),
  );

describe("ParquetBatchEncoder", () => {
  it("writes every value so that hyparquet reads it back, across many row groups", async () => {
    const rng = new Rng("parquet-rows");
    const rows = Array.from({ length: 23 }, (_, i) => exportRow(i, rng));
    const bytes = encode([rows.slice(0, 4), rows.slice(4, 8), rows.slice(8, 9), rows.slice(9)]);
    expect(await read(bytes)).toEqual(rows.map(expected));
    const meta = parquetMetadata(arrayBuffer(bytes));
    expect(meta.row_groups.map((group) => Number(group.num_rows))).toEqual([4, 4, 1, 14]);
    expect(Number(meta.num_rows)).toBe(23);
    expect(meta.created_by).toBe("RALL Dashboard export");
  });

  it("writes a null in every optional column, and a row with every column null", async () => {
    const rng = new Rng("parquet-nulls");
    const full = exportRow(0, rng);
    const rows = NULLABLE.map((column, i) => ({ ...exportRow(i + 1, rng), [column]: null }) as ExportRow);
    const allNull = { ...Object.fromEntries(NULLABLE.map((column) => [column, null])), embedding: "[]" } as unknown as ExportRow;
    const read1 = await read(encode([[full, ...rows, allNull]]));
    expect(read1).toEqual([full, ...rows, allNull].map(expected));
    expect(read1.at(-1)!.embedding).toEqual([]);
    // A null embedding (NOT NULL in the database, but the schema allows it) next to an empty one: hyparquet reads
    // a null list as undefined, from hyparquet-writer's files too.
    const encoder = new ParquetBatchEncoder();
    encoder.writeBytes([null, Buffer.from("[]"), Buffer.from("[1.5]")].map((embedding) => EXPORT_COLUMNS.map((column) => (column === "embedding" ? embedding : full[column])) as ExportByteRow));
    encoder.finish();
    expect((await read(encoder.take())).map((row) => row.embedding)).toEqual([undefined, [], [1.5]]);
  });

  it("writes a valid file with the export's schema and no rows when there is nothing to export", async () => {
    const bytes = encode([]);
    expect(await read(bytes)).toEqual([]);
    const meta = parquetMetadata(arrayBuffer(bytes));
    expect(meta.row_groups).toHaveLength(0);
    expect(meta.schema.map((element) => element.name)).toEqual(PARQUET_SCHEMA.map((element) => element.name));
    expect(meta.schema.find((element) => element.name === "embedding")?.converted_type).toBe("LIST");
    expect(meta.schema.find((element) => element.name === "features")?.converted_type).toBe("JSON");
  });

  it("gives the values hyparquet-writer gave for the same rows", async () => {
    const rng = new Rng("parquet-vs-hyparquet-writer");
    const rows = Array.from({ length: 50 }, (_, i) => exportRow(i, rng));
    const theirs = new ByteWriter();
    const writer = new ParquetWriter({ writer: theirs, schema: PARQUET_SCHEMA as never, createdBy: "test" });
    writer.write({
      columnData: EXPORT_COLUMNS.map((column) => ({
        name: column,
        data: rows.map((row) => {
          const value = row[column];
          if (value === null) return null;
          if (column === "features" || column === "embedding") return JSON.parse(value as string);
          return typeof value === "number" && column !== "result_quality_score" ? BigInt(value) : value;
        }),
      })),
    } as never);
    writer.finish();
    const fromTheirs = await read(new Uint8Array(theirs.getBuffer()));
    expect(await read(encode([rows.slice(0, 17), rows.slice(17)]))).toEqual(fromTheirs);
  });

  it("writes the same bytes from text rows (write) and from byte rows (writeBytes)", () => {
    const rng = new Rng("parquet-paths");
    const rows = Array.from({ length: 9 }, (_, i) => exportRow(i, rng));
    const byRows = new ParquetBatchEncoder();
    byRows.writeBytes(rows.map((row) => EXPORT_COLUMNS.map((column) => (column === "embedding" ? Buffer.from(row.embedding) : row[column]))));
    byRows.finish();
    expect(Buffer.from(encode([rows])).equals(Buffer.from(byRows.take()))).toBe(true);
  });
});
