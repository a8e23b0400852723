import type { SchemaElement } from "hyparquet";
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import { isAscii } from "node:buffer";
import { EXPORT_COLUMNS, type ExportByteRow, type ExportRow } from "./export-rows";

/**
 * The three export encodings of the same rows. Every value is written from the stored text or number as is
 * (no float re-formatting, no timestamps of the export itself), so one database state gives one byte sequence.
 */

function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvHeader = () => `${EXPORT_COLUMNS.join(",")}\n`;

const EMBEDDING_AT = EXPORT_COLUMNS.indexOf("embedding");
const JSON_KEYS = EXPORT_COLUMNS.map((column) => `${JSON.stringify(column)}:`);
const SPLICED = new Set(["features", "embedding"]);

const jsonValue = (column: keyof ExportRow, value: string | number | null) => (SPLICED.has(column) && value !== null ? (value as string) : JSON.stringify(value));

/** RFC 4180 CSV; features and embedding as their JSON text in one quoted field. */
export function csvLines(rows: readonly ExportRow[]): string {
  let out = "";
  for (const row of rows) out += `${EXPORT_COLUMNS.map((column) => csvField(row[column])).join(",")}\n`;
  return out;
}

/** One JSON object per line; features as an object and embedding as an array (the stored JSON, spliced in). */
export function jsonlLines(rows: readonly ExportRow[]): string {
  let out = "";
  for (const row of rows) out += `{${EXPORT_COLUMNS.map((column, i) => JSON_KEYS[i] + jsonValue(column, row[column])).join(",")}}\n`;
  return out;
}

/** Strings as UTF-8 and byte arrays as they are, in one buffer. */
function joinBytes(parts: readonly (string | Uint8Array)[]): Uint8Array {
  let total = 0;
  for (const part of parts) total += typeof part === "string" ? Buffer.byteLength(part) : part.byteLength;
  const out = Buffer.allocUnsafe(total);
  let at = 0;
  for (const part of parts) {
    if (typeof part === "string") at += out.write(part, at);
    else {
      out.set(part, at);
      at += part.byteLength;
    }
  }
  return out;
}

const QUOTE = 0x22;
const CSV_SPECIAL = [QUOTE, 0x2c, 0x0d, 0x0a];

type Cell = string | number | null;

/**
 * Writes rows as csvLines or jsonlLines would, as bytes, copying each embedding's stored bytes instead of
 * decoding and re-encoding them: the same bytes as the text writer encoded as UTF-8 (export.test.ts compares
 * them). An embedding that is not plain ASCII goes through the text path, so both always agree.
 */
function byteLines(rows: readonly ExportByteRow[], cells: (row: ExportByteRow, from: number, to: number) => string, embedding: (bytes: Uint8Array) => { text: string } | { open: string; bytes: Uint8Array; close: string }, open: string, close: string): Uint8Array {
  const parts: (string | Uint8Array)[] = [];
  let text = "";
  for (const row of rows) {
    text += open + cells(row, 0, EMBEDDING_AT);
    const field = embedding(row[EMBEDDING_AT] as Uint8Array);
    if ("text" in field) text += field.text;
    else {
      parts.push(text + field.open, field.bytes);
      text = field.close;
    }
    text += cells(row, EMBEDDING_AT + 1, EXPORT_COLUMNS.length) + close;
  }
  parts.push(text);
  return joinBytes(parts);
}

const utf8 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");

export function csvBytes(rows: readonly ExportByteRow[]): Uint8Array {
  const cells = (row: ExportByteRow, from: number, to: number) => {
    let out = "";
    for (let i = from; i < to; i++) out += `${i === 0 ? "" : ","}${csvField(row[i] as Cell)}`;
    return from === 0 ? `${out},` : out;
  };
  return byteLines(rows, cells, (bytes) => {
    if (!isAscii(bytes) || bytes.includes(QUOTE)) return { text: csvField(utf8(bytes)) };
    return CSV_SPECIAL.some((byte) => bytes.includes(byte)) ? { open: '"', bytes, close: '"' } : { open: "", bytes, close: "" };
  }, "", "\n");
}

export function jsonlBytes(rows: readonly ExportByteRow[]): Uint8Array {
  const cells = (row: ExportByteRow, from: number, to: number) => {
    let out = "";
    for (let i = from; i < to; i++) out += `,${JSON_KEYS[i]}${jsonValue(EXPORT_COLUMNS[i]!, row[i] as Cell)}`;
    return from === 0 ? `${out.slice(1)},${JSON_KEYS[EMBEDDING_AT]}` : out;
  };
  return byteLines(rows, cells, (bytes) => (isAscii(bytes) ? { open: "", bytes, close: "" } : { text: utf8(bytes) }), "{", "}\n");
}

const TEXT_COLUMNS = new Set<keyof ExportRow>([
  "query_id", "query_hash", "timestamp", "query_type", "feature_vector_id", "embedding_model", "feature_version", "features", "label_feedback_type",
]);
const DOUBLE_COLUMNS = new Set<keyof ExportRow>(["result_quality_score"]);

/** The Parquet schema: text as UTF-8 (features as JSON), integers as INT64, quality DOUBLE, embedding list<double>. */
export const PARQUET_SCHEMA: SchemaElement[] = [
  { name: "root", num_children: EXPORT_COLUMNS.length },
  ...EXPORT_COLUMNS.flatMap((column): SchemaElement[] => {
    if (column === "embedding") {
      return [
        { name: "embedding", repetition_type: "OPTIONAL" as const, converted_type: "LIST" as const, num_children: 1 },
        { name: "list", repetition_type: "REPEATED" as const, num_children: 1 },
        { name: "element", type: "DOUBLE" as const, repetition_type: "REQUIRED" as const },
      ];
    }
    if (column === "features") return [{ name: column, type: "BYTE_ARRAY" as const, converted_type: "JSON" as const, repetition_type: "OPTIONAL" as const }];
    if (TEXT_COLUMNS.has(column)) return [{ name: column, type: "BYTE_ARRAY" as const, converted_type: "UTF8" as const, repetition_type: "OPTIONAL" as const }];
    if (DOUBLE_COLUMNS.has(column)) return [{ name: column, type: "DOUBLE" as const, repetition_type: "OPTIONAL" as const }];
    return [{ name: column, type: "INT64" as const, repetition_type: "OPTIONAL" as const }];
  }),
];

function parquetColumn(rows: readonly ExportRow[], column: keyof ExportRow): unknown[] {
  if (column === "embedding") return rows.map((row) => JSON.parse(row.embedding) as number[]);
  if (column === "features") return rows.map((row) => (row.features === null ? null : JSON.parse(row.features)));
  if (TEXT_COLUMNS.has(column) || DOUBLE_COLUMNS.has(column)) return rows.map((row) => row[column]);
  return rows.map((row) => (row[column] === null ? null : BigInt(row[column] as number)));
}

/**
 * A streaming Parquet encoder: one row group per batch, each flushed as soon as it is written, so memory
 * holds one batch. `take()` returns the bytes written since the last call.
 */
export class ParquetBatchEncoder {
  private readonly bytes = new ByteWriter();
  private readonly writer = new ParquetWriter({ writer: this.bytes, schema: PARQUET_SCHEMA, createdBy: "RALL Dashboard" });

  write(rows: readonly ExportRow[]): void {
    if (rows.length === 0) return;
    this.writer.write({
      columnData: EXPORT_COLUMNS.map((column) => ({ name: column, data: parquetColumn(rows, column) })),
      rowGroupSize: rows.length,
    } as Parameters<ParquetWriter["write"]>[0]);
  }

  finish(): void {
    this.writer.finish();
  }

  take(): Uint8Array {
    const chunk = new Uint8Array(this.bytes.buffer.slice(0, this.bytes.index));
    this.bytes.index = 0;
    return chunk;
  }
}
