import { EXPORT_BATCH_SIZE, EXPORT_COLUMNS, type ExportBatch, type ExportByteRow, type ExportRow } from "../export-rows";
import { ByteSink } from "../byte-sink";
import type { PageCopies } from "../embedding-doubles";
import { DoubleSink, readJsonDoubles } from "./json-doubles";
import { sharedJsonDoublesKernel } from "./wasm-doubles";
import { LevelRuns } from "./levels";
import { CompactType, ThriftWriter } from "./thrift-compact";

/**
 * A streaming Parquet writer for exactly the export's schema (https://parquet.apache.org/docs/file-format/):
 * one row group per batch, one data page (v1) per column chunk, PLAIN values, RLE levels, no compression,
 * no statistics. The embedding's page values are its doubles' bytes as they were read: the stored float64
 * copies (embedding_doubles), or the JSON parsed straight into a Float64Array. Nothing depends on the time or
 * the machine, so one database state gives one byte sequence.
 */

type PhysicalType = "INT64" | "DOUBLE" | "BYTE_ARRAY";
type Repetition = "REQUIRED" | "OPTIONAL" | "REPEATED";
type ConvertedType = "UTF8" | "LIST" | "JSON";

/** A node of the Parquet schema, in hyparquet's (and parquet-format's) field names. */
export type ParquetSchemaElement = {
  name: string;
  type?: PhysicalType;
  repetition_type?: Repetition;
  converted_type?: ConvertedType;
  num_children?: number;
};

const TEXT_COLUMNS = new Set<keyof ExportRow>([
  "query_id", "query_hash", "timestamp", "query_type", "feature_vector_id", "embedding_model", "feature_version", "label_feedback_type",
]);

type ColumnKind = "utf8" | "json" | "double" | "int64" | "embedding";
const kindOf = (column: keyof ExportRow): ColumnKind =>
  column === "embedding" ? "embedding" : column === "features" ? "json" : TEXT_COLUMNS.has(column) ? "utf8" : column === "result_quality_score" ? "double" : "int64";
const KINDS = EXPORT_COLUMNS.map(kindOf);

/** The Parquet schema: text as UTF-8 (features as JSON), integers as INT64, quality DOUBLE, embedding a 3-level list<double>. */
export const PARQUET_SCHEMA: ParquetSchemaElement[] = [
  { name: "root", num_children: EXPORT_COLUMNS.length },
  ...EXPORT_COLUMNS.flatMap((column, i): ParquetSchemaElement[] => {
    switch (KINDS[i]) {
      case "embedding":
        return [
          { name: column, repetition_type: "OPTIONAL", converted_type: "LIST", num_children: 1 },
          { name: "list", repetition_type: "REPEATED", num_children: 1 },
          { name: "element", type: "DOUBLE", repetition_type: "REQUIRED" },
        ];
      case "json":
        return [{ name: column, type: "BYTE_ARRAY", converted_type: "JSON", repetition_type: "OPTIONAL" }];
      case "utf8":
        return [{ name: column, type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "OPTIONAL" }];
      case "double":
        return [{ name: column, type: "DOUBLE", repetition_type: "OPTIONAL" }];
      default:
        return [{ name: column, type: "INT64", repetition_type: "OPTIONAL" }];
    }
  }),
];

// parquet-format's enum values (parquet.thrift).
const TYPE = { INT64: 2, DOUBLE: 5, BYTE_ARRAY: 6 } as const;
const REPETITION = { REQUIRED: 0, OPTIONAL: 1, REPEATED: 2 } as const;
const CONVERTED = { UTF8: 0, LIST: 3, JSON: 19 } as const;
const PLAIN = 0;
const RLE = 3;
const UNCOMPRESSED = 0;
const DATA_PAGE = 0;

const MAGIC = Buffer.from("PAR1");
const CREATED_BY = "RALL Dashboard export";
const PHYSICAL: Record<ColumnKind, number> = { utf8: TYPE.BYTE_ARRAY, json: TYPE.BYTE_ARRAY, double: TYPE.DOUBLE, int64: TYPE.INT64, embedding: TYPE.DOUBLE };
const EMBEDDING_AT = EXPORT_COLUMNS.indexOf("embedding");

type Cell = ExportByteRow[number];

export class ParquetBatchEncoder {
  private readonly out: Uint8Array[] = [];
  private offset = 0;
  private rows = 0;
  private readonly rowGroups: Uint8Array[] = [];
  private readonly values = new ByteSink(1 << 20);
  private readonly repetition = new LevelRuns();
  private readonly definition = new LevelRuns();
  private readonly page = new ByteSink(1 << 16);

  // Rows added but not yet written, each one's embedding element count (-1: NULL), and their doubles as
  // little-endian bytes, in the pieces they were read in (a page's copies, or what a page's JSON parsed into).
  private readonly pending: ExportByteRow[] = [];
  private readonly counts: number[] = [];
  private readonly doubles: Uint8Array[] = [];

  /** `rowGroupSize`: add() writes a row group each time this many rows are pending. */
  constructor(private readonly rowGroupSize = EXPORT_BATCH_SIZE) {
    this.emit(MAGIC);
  }

  /** Rows with the embedding as JSON text (exportRowBatches). */
  write(rows: readonly ExportRow[]): void {
    this.writeBytes(rows.map((row) => EXPORT_COLUMNS.map((column) => (column === "embedding" ? Buffer.from(row.embedding, "utf8") : row[column]))));
  }

  /** Rows in EXPORT_COLUMNS order with the embedding as its stored bytes, as one row group (with any pending). */
  writeBytes(rows: readonly ExportByteRow[]): void {
    this.readEmbeddings(rows);
    for (const row of rows) this.pending.push(row);
    this.flush(this.pending.length);
  }

  /**
   * One page of the export: its embeddings are read now (copied from their doubles, or parsed while the page's
   * bytes are fresh in the CPU cache), and a row group is written each time `rowGroupSize` rows are pending.
   * The groups are the same whatever the page size, so are the file's bytes.
   */
  add({ rows, doubles }: ExportBatch): void {
    if (doubles) this.copyDoubles(doubles);
    else this.readEmbeddings(rows);
    for (const row of rows) this.pending.push(row);
    while (this.pending.length >= this.rowGroupSize) this.flush(this.rowGroupSize);
  }

  /** Writes the first `n` pending rows as one row group. */
  private flush(n: number): void {
    if (n === 0) return;
    const rows = this.pending.splice(0, n);
    const counts = this.counts.splice(0, n);
    let values = 0;
    for (const count of counts) values += Math.max(count, 0);
    // The group's doubles go to the stream as the pieces they are (no copy); a piece that straddles two groups
    // is cut in two views.
    const doubles: Uint8Array[] = [];
    for (let need = values * 8; need > 0; ) {
      const piece = this.doubles[0]!;
      if (piece.byteLength <= need) {
        doubles.push(this.doubles.shift()!);
        need -= piece.byteLength;
      } else {
        doubles.push(piece.subarray(0, need));
        this.doubles[0] = piece.subarray(need);
        need = 0;
      }
    }

    const group = new ThriftWriter();
    group.begin().list(1, CompactType.Struct, EXPORT_COLUMNS.length);
    const groupStart = this.offset;
    for (let c = 0; c < EXPORT_COLUMNS.length; c++) this.writeColumnChunk(group, rows, c, counts, doubles);
    const size = this.offset - groupStart;
    group.i64(2, size).i64(3, rows.length).i64(5, groupStart).i64(6, size).end();
    this.rowGroups.push(group.sink.copy());
    this.rows += rows.length;
  }

  /** Appends a page's embedding copies to `doubles` (as they are) and their element counts to `counts`. */
  private copyDoubles({ bytes, counts }: PageCopies): void {
    this.doubles.push(bytes);
    for (const count of counts) this.counts.push(count);
  }

  /**
   * Appends the rows' embedding doubles to `doubles` and their element counts (-1 for a NULL embedding) to
   * `counts`. The embeddings of an export page lie back to back in one blob, read by the WebAssembly kernel in
   * one call.
   */
  private readEmbeddings(rows: readonly ExportByteRow[]): void {
    const blob = backToBack(rows);
    // Room for one number per 8 bytes of JSON (a 5-decimal number and its comma take about 8.5); the sink grows
    // when the numbers are shorter.
    const sink = new DoubleSink(blob ? (blob.byteLength >> 3) + 1024 : 4096);
    if (blob) {
      const counts = new Int32Array(rows.length);
      sharedJsonDoublesKernel().readJsonDoubleArrays(blob, rows.map((row) => (row[EMBEDDING_AT] as Uint8Array).byteLength), sink, counts);
      for (const count of counts) this.counts.push(count);
    } else {
      for (const row of rows) {
        const cell = row[EMBEDDING_AT] as Uint8Array | null;
        this.counts.push(cell === null ? -1 : readJsonDoubles(cell, sink));
      }
    }
    this.doubles.push(sink.bytes());
  }

  private writeColumnChunk(group: ThriftWriter, rows: readonly ExportByteRow[], c: number, counts: readonly number[], doubles: readonly Uint8Array[]): void {
    const kind = KINDS[c]!;
    const definition = this.definition;
    const values = this.values;
    definition.clear();
    values.length = 0;
    let repetition: LevelRuns | null = null;
    if (kind === "embedding") {
      repetition = this.repetition;
      repetition.clear();
      for (let r = 0; r < rows.length; r++) {
        const count = counts[r]!;
        if (count < 0) {
          repetition.push(0);
          definition.push(0);
          continue;
        }
        repetition.push(0);
        repetition.push(1, count - 1);
        definition.push(count === 0 ? 1 : 2, Math.max(count, 1));
      }
    } else {
      values.reserve(kind === "double" || kind === "int64" ? rows.length * 8 : 0);
      for (const row of rows) {
        const cell = row[c] as Cell;
        if (cell === null) {
          definition.push(0);
          continue;
        }
        definition.push(1);
        writeValue(values, kind, cell);
      }
    }
    const page = this.page;
    page.length = 0;
    repetition?.writeTo(page);
    definition.writeTo(page);
    const pageValues = kind === "embedding" ? doubles : [values.copy()];
    let pageSize = page.length;
    for (const piece of pageValues) pageSize += piece.byteLength;
    const header = new ThriftWriter();
    header.begin().i32(1, DATA_PAGE).i32(2, pageSize).i32(3, pageSize);
    header.begin(5).i32(1, definition.total).i32(2, PLAIN).i32(3, RLE).i32(4, RLE).end();
    header.end();
    const chunkStart = this.offset;
    const headerBytes = header.sink.copy();
    this.emit(headerBytes);
    this.emit(page.copy());
    for (const piece of pageValues) this.emit(piece);
    const chunkSize = this.offset - chunkStart;
    const path = kind === "embedding" ? [EXPORT_COLUMNS[c]!, "list", "element"] : [EXPORT_COLUMNS[c]!];
    group.begin().i64(2, chunkStart);
    group.begin(3).i32(1, PHYSICAL[kind]).list(2, CompactType.I32, 2).i32Element(PLAIN).i32Element(RLE);
    group.list(3, CompactType.Binary, path.length);
    for (const name of path) group.stringElement(name);
    group.i32(4, UNCOMPRESSED).i64(5, definition.total).i64(6, chunkSize).i64(7, chunkSize).i64(9, chunkStart).end();
    group.end();
  }

  /** Writes the pending rows, then the footer: the file metadata, its length and the closing magic. */
  finish(): void {
    this.flush(this.pending.length);
    const meta = new ThriftWriter();
    meta.begin().i32(1, 1).list(2, CompactType.Struct, PARQUET_SCHEMA.length);
    for (const element of PARQUET_SCHEMA) {
      meta.begin();
      if (element.type) meta.i32(1, TYPE[element.type]);
      if (element.repetition_type) meta.i32(3, REPETITION[element.repetition_type]);
      meta.string(4, element.name);
      if (element.num_children !== undefined) meta.i32(5, element.num_children);
      if (element.converted_type) meta.i32(6, CONVERTED[element.converted_type]);
      meta.end();
    }
    meta.i64(3, this.rows).list(4, CompactType.Struct, this.rowGroups.length);
    // Each row group was encoded as a complete struct element when it was written.
    for (const group of this.rowGroups) meta.sink.append(group);
    meta.string(6, CREATED_BY).end();
    const footer = meta.sink.copy();
    this.emit(footer);
    const tail = Buffer.alloc(8);
    tail.writeUInt32LE(footer.byteLength, 0);
    MAGIC.copy(tail, 4);
    this.emit(tail);
  }

  /** The bytes written since the last call, in one array. */
  take(): Uint8Array {
    const chunks = this.takeChunks();
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  }

  /** The bytes written since the last call, as the pieces they were written in (no copy). */
  takeChunks(): Uint8Array[] {
    return this.out.splice(0);
  }

  private emit(bytes: Uint8Array): void {
    this.out.push(bytes);
    this.offset += bytes.byteLength;
  }
}

/** The rows' embeddings as one byte range when each starts where the previous ended in one buffer, else null. */
function backToBack(rows: readonly ExportByteRow[]): Uint8Array | null {
  const first = rows[0]?.[EMBEDDING_AT];
  if (!(first instanceof Uint8Array)) return null;
  let end = first.byteOffset;
  for (const row of rows) {
    const cell = row[EMBEDDING_AT];
    if (!(cell instanceof Uint8Array) || cell.buffer !== first.buffer || cell.byteOffset !== end) return null;
    end += cell.byteLength;
  }
  return new Uint8Array(first.buffer, first.byteOffset, end - first.byteOffset);
}

function writeValue(values: ByteSink, kind: ColumnKind, cell: Exclude<Cell, null>): void {
  if (kind === "utf8" || kind === "json") {
    if (typeof cell === "string") values.lengthPrefixedUtf8(cell);
    else if (cell instanceof Uint8Array) values.lengthPrefixedBytes(cell);
    else values.lengthPrefixedUtf8(String(cell));
    return;
  }
  values.reserve(8);
  const number = Number(cell);
  if (kind === "double") values.view.setFloat64(values.length, number, true);
  else {
    // INT64 as two 32-bit halves: exact for every integer SQLite hands back as a number (|n| < 2^53).
    values.view.setInt32(values.length, number | 0, true);
    values.view.setInt32(values.length + 4, Math.floor(number / 4294967296), true);
  }
  values.length += 8;
}
