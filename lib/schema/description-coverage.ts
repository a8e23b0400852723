import { INDEX_DESCRIPTIONS, TABLE_DESCRIPTIONS, VIEW_DESCRIPTIONS } from "@/prisma/schema-descriptions";
import { namedIndexes, type SchemaModel } from "./introspect";

export const DESCRIPTIONS_FILE = "prisma/schema-descriptions.ts";

export type DescriptionSource = {
  tables: Record<string, { description: string; columns: Record<string, string> }>;
  views: Record<string, string>;
  indexes: Record<string, string>;
};

export const SCHEMA_DESCRIPTIONS: DescriptionSource = { tables: TABLE_DESCRIPTIONS, views: VIEW_DESCRIPTIONS, indexes: INDEX_DESCRIPTIONS };

/**
 * Where the descriptions and the live schema disagree, each problem worded as the edit that fixes it: a table,
 * column, view or index without a description, or a description of something the schema no longer has.
 */
export function descriptionProblems(schema: SchemaModel, source: DescriptionSource = SCHEMA_DESCRIPTIONS): string[] {
  const problems: string[] = [];
  const where = DESCRIPTIONS_FILE;
  for (const table of schema.tables) {
    const described = source.tables[table.name];
    if (!described?.description) {
      const columns = table.columns.map((c) => `${c.name}: "…"`).join(", ");
      problems.push(`Table ${table.name} has no description: add TABLE_DESCRIPTIONS.${table.name} = { description: "…", columns: { ${columns} } } to ${where}.`);
      continue;
    }
    for (const column of table.columns) {
      if (!described.columns[column.name]) problems.push(`Column ${table.name}.${column.name} has no description: add ${column.name}: "…" to TABLE_DESCRIPTIONS.${table.name}.columns in ${where}.`);
    }
    const live = new Set(table.columns.map((c) => c.name));
    for (const column of Object.keys(described.columns)) {
      if (!live.has(column)) problems.push(`${where} describes column ${table.name}.${column}, which the schema does not have: remove it from TABLE_DESCRIPTIONS.${table.name}.columns.`);
    }
  }
  const tables = new Set(schema.tables.map((t) => t.name));
  for (const name of Object.keys(source.tables)) {
    if (!tables.has(name)) problems.push(`${where} describes table ${name}, which the schema does not have: remove TABLE_DESCRIPTIONS.${name}.`);
  }
  for (const view of schema.views) {
    if (!source.views[view.name]) problems.push(`View ${view.name} has no description: add ${view.name}: "…" to VIEW_DESCRIPTIONS in ${where}.`);
  }
  const views = new Set(schema.views.map((v) => v.name));
  for (const name of Object.keys(source.views)) {
    if (!views.has(name)) problems.push(`${where} describes view ${name}, which the schema does not have: remove VIEW_DESCRIPTIONS.${name}.`);
  }
  const indexes = namedIndexes(schema);
  for (const index of indexes) {
    if (!source.indexes[index.name]) problems.push(`Index ${index.name} (on ${index.table}) has no description: add ${index.name}: "…" to INDEX_DESCRIPTIONS in ${where}.`);
  }
  const indexNames = new Set(indexes.map((i) => i.name));
  for (const name of Object.keys(source.indexes)) {
    if (!indexNames.has(name)) problems.push(`${where} describes index ${name}, which the schema does not have: remove INDEX_DESCRIPTIONS.${name}.`);
  }
  return problems;
}
