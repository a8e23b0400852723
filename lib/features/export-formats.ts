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

export { PARQUET_SCHEMA, ParquetBatchEncoder } from "./parquet/export-parquet";
