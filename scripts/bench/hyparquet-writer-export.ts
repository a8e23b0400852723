import type Database from "better-sqlite3";
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import { EXPORT_COLUMNS, exportRowBatches, type ExportFilters, type ExportRow } from "@/lib/features/export-rows";
import { PARQUET_SCHEMA } from "@/lib/features/parquet/export-parquet";

/**
 * The Parquet export as it was written before lib/features/parquet/ (hyparquet-writer, one row group per batch,
 * from text rows), kept only as the benchmark's baseline: same rows, same logical schema.
 */
const INT64_COLUMNS = new Set(PARQUET_SCHEMA.filter((element) => element.type === "INT64").map((element) => element.name));

function column(rows: readonly ExportRow[], name: keyof ExportRow): unknown[] {
  if (name === "embedding" || name === "features") return rows.map((row) => (row[name] === null ? null : JSON.parse(row[name] as string)));
  if (!INT64_COLUMNS.has(name)) return rows.map((row) => row[name]);
  return rows.map((row) => (row[name] === null ? null : BigInt(row[name] as number)));
}

export function hyparquetWriterExport(sqlite: Database.Database, filters: ExportFilters): number {
  const bytes = new ByteWriter();
  const writer = new ParquetWriter({ writer: bytes, schema: PARQUET_SCHEMA as never, createdBy: "RALL Dashboard" });
  let total = 0;
  for (const rows of exportRowBatches(sqlite, filters)) {
    writer.write({ columnData: EXPORT_COLUMNS.map((name) => ({ name, data: column(rows, name) })), rowGroupSize: rows.length } as never);
    total += bytes.index;
    bytes.index = 0;
  }
  writer.finish();
  return total + bytes.index;
}
