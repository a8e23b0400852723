import type { SchemaElement } from "hyparquet";
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import { EXPORT_COLUMNS, type ExportRow } from "./export-rows";

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

/** RFC 4180 CSV; features and embedding as their JSON text in one quoted field. */
export function csvLines(rows: readonly ExportRow[]): string {
  let out = "";
  for (const row of rows) out += `${EXPORT_COLUMNS.map((column) => csvField(row[column])).join(",")}\n`;
  return out;
}

/** One JSON object per line; features as an object and embedding as an array (the stored JSON, spliced in). */
export function jsonlLines(rows: readonly ExportRow[]): string {
  let out = "";
  for (const row of rows) {
    const fields = EXPORT_COLUMNS.map((column) => {
      const value = row[column];
      const json = (column === "features" || column === "embedding") && value !== null ? (value as string) : JSON.stringify(value);
      return `${JSON.stringify(column)}:${json}`;
    });
    out += `{${fields.join(",")}}\n`;
  }
  return out;
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
