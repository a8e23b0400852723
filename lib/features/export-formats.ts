import { isAscii } from "node:buffer";
import type { Utf8Writer } from "./byte-sink";
import { EXPORT_COLUMNS, type ExportBatch, type ExportByteRow } from "./export-rows";

/**
 * The CSV and JSONL encodings of an export batch. Every value is written from the stored text or number as is
 * (no float re-formatting, no timestamps of the export itself), so one database state gives one byte sequence;
 * each embedding's stored bytes are copied, not decoded and re-encoded. export-bytes.test.ts pins the bytes to a
 * plain reimplementation: CSV is RFC 4180 with features and embedding as their JSON text in one field, JSONL one
 * object per line with features as an object and the embedding as an array (the stored JSON, spliced in).
 */

type Cell = string | number | null;

const CSV_SPECIAL = /[",\r\n]/;
const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

export function csvField(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  return CSV_SPECIAL.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export const csvHeader = () => `${EXPORT_COLUMNS.join(",")}\n`;

const EMBEDDING_AT = EXPORT_COLUMNS.indexOf("embedding");
const FEATURES_AT = EXPORT_COLUMNS.indexOf("features");
const JSON_KEYS = EXPORT_COLUMNS.map((column, i) => `${i === 0 ? "{" : ","}${JSON.stringify(column)}:`);

function jsonField(value: Cell, i: number): string {
  if (value === null) return "null";
  if (typeof value === "number") return String(value);
  return i === FEATURES_AT ? value : JSON.stringify(value);
}

const utf8 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");

/** How an embedding's stored bytes go into a line: copied between `open` and `close`, or as this text. */
type EmbeddingField = { open: string; close: string } | string;
const BARE: EmbeddingField = { open: "", close: "" };
const QUOTED: EmbeddingField = { open: '"', close: '"' };

/**
 * Lines of text around each row's embedding bytes, in one buffer. The text between two embeddings is built as
 * one string and written once; the buffer is sized for the worst case (3 bytes per UTF-16 unit), so no pass
 * measures the text first.
 */
function lines(batch: ExportBatch, before: (row: ExportByteRow) => string, embedding: (bytes: Uint8Array) => EmbeddingField, after: (row: ExportByteRow) => string): Uint8Array {
  const parts: (string | Uint8Array)[] = [];
  let capacity = 0;
  let text = "";
  for (const row of batch.rows) {
    text += before(row);
    const bytes = row[EMBEDDING_AT] as Uint8Array;
    const field = embedding(bytes);
    if (typeof field === "string") text += field;
    else {
      text += field.open;
      parts.push(text, bytes);
      capacity += text.length * 3 + bytes.byteLength;
      text = field.close;
    }
    text += after(row);
  }
  parts.push(text);
  capacity += text.length * 3;
  const out = Buffer.allocUnsafe(capacity) as Utf8Writer;
  let at = 0;
  for (const part of parts) {
    if (typeof part === "string") at += out.utf8Write(part, at);
    else {
      out.set(part, at);
      at += part.byteLength;
    }
  }
  return out.subarray(0, at);
}

function hasCsvSpecial(bytes: Uint8Array): boolean {
  // A JSON array of two or more numbers has a comma within its first few bytes.
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === COMMA || byte === LF || byte === CR) return true;
  }
  return false;
}

function csvBefore(row: ExportByteRow): string {
  let out = csvField(row[0] as Cell);
  for (let i = 1; i < EMBEDDING_AT; i++) out += `,${csvField(row[i] as Cell)}`;
  return `${out},`;
}

function csvAfter(row: ExportByteRow): string {
  let out = "";
  for (let i = EMBEDDING_AT + 1; i < row.length; i++) out += `,${csvField(row[i] as Cell)}`;
  return `${out}\n`;
}

export function csvBytes(batch: ExportBatch): Uint8Array {
  // Checked once for the batch: with no quote and nothing but ASCII in any embedding, each is copied as it is.
  const plain = isAscii(batch.embeddings) && batch.embeddings.indexOf(QUOTE) === -1;
  const embedding = (bytes: Uint8Array): EmbeddingField => {
    if (!plain && (!isAscii(bytes) || bytes.includes(QUOTE))) return csvField(utf8(bytes));
    return hasCsvSpecial(bytes) ? QUOTED : BARE;
  };
  return lines(batch, csvBefore, embedding, csvAfter);
}

function jsonBefore(row: ExportByteRow): string {
  let out = "";
  for (let i = 0; i < EMBEDDING_AT; i++) out += JSON_KEYS[i]! + jsonField(row[i] as Cell, i);
  return out + JSON_KEYS[EMBEDDING_AT];
}

function jsonAfter(row: ExportByteRow): string {
  let out = "";
  for (let i = EMBEDDING_AT + 1; i < row.length; i++) out += JSON_KEYS[i]! + jsonField(row[i] as Cell, i);
  return `${out}}\n`;
}

export function jsonlBytes(batch: ExportBatch): Uint8Array {
  const plain = isAscii(batch.embeddings);
  return lines(batch, jsonBefore, (bytes) => (plain || isAscii(bytes) ? BARE : utf8(bytes)), jsonAfter);
}

export { PARQUET_SCHEMA, ParquetBatchEncoder } from "./parquet/export-parquet";
