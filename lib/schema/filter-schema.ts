import type { DescribedSchema } from "./live-schema";

/**
 * The tables and views whose name, or any column's name or meaning, contains the query (case-insensitive). A
 * table matched through its columns keeps all of them, so the match is seen in context.
 */
export function filterSchema(schema: DescribedSchema, query: string): DescribedSchema {
  const needle = query.trim().toLowerCase();
  if (!needle) return schema;
  const has = (...texts: string[]) => texts.some((text) => text.toLowerCase().includes(needle));
  return {
    tables: schema.tables.filter((t) => has(t.name, t.description) || t.columns.some((c) => has(c.name, c.description)) || t.indexes.some((i) => has(i.name))),
    views: schema.views.filter((v) => has(v.name, v.description, ...v.columns)),
  };
}
