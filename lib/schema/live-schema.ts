import "server-only";
import { cache } from "react";
import { bulkConnection } from "@/lib/features/bulk-connection";
import { SCHEMA_DESCRIPTIONS } from "./description-coverage";
import { erDiagramSvg } from "./er-diagram";
import { readSchema, type ColumnInfo, type IndexInfo, type SchemaModel } from "./introspect";

export type DescribedColumn = ColumnInfo & { description: string };
export type DescribedIndex = IndexInfo & { description: string };
export type DescribedTable = { name: string; description: string; columns: DescribedColumn[]; checks: string[]; indexes: DescribedIndex[] };
export type DescribedView = { name: string; description: string; sql: string; columns: string[] };
export type DescribedSchema = { tables: DescribedTable[]; views: DescribedView[] };

/** The live schema with each object's meaning from prisma/schema-descriptions.ts (empty where one is missing). */
export function describeSchema(schema: SchemaModel): DescribedSchema {
  const { tables, views, indexes } = SCHEMA_DESCRIPTIONS;
  return {
    tables: schema.tables.map((t) => ({
      name: t.name,
      description: tables[t.name]?.description ?? "",
      checks: t.checks,
      columns: t.columns.map((c) => ({ ...c, description: tables[t.name]?.columns[c.name] ?? "" })),
      indexes: t.indexes.filter((i) => i.sql !== null).map((i) => ({ ...i, description: indexes[i.name] ?? "" })),
    })),
    views: schema.views.map((v) => ({ name: v.name, sql: v.sql, columns: v.columns, description: views[v.name] ?? "" })),
  };
}

export const liveSchema = cache((): SchemaModel => readSchema(bulkConnection()));

export const liveErDiagram = cache((): string => erDiagramSvg(liveSchema()));
