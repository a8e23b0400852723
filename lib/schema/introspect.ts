import type Database from "better-sqlite3";
import { parseTableChecks } from "./check-constraints";

export type ForeignKeyTarget = { table: string; column: string; onDelete: string; onUpdate: string };

export type ColumnInfo = {
  name: string;
  type: string;
  notNull: boolean;
  defaultValue: string | null;
  /** Position in the primary key (1-based), 0 when not part of it. */
  primaryKey: number;
  generated: boolean;
  foreignKey: ForeignKeyTarget | null;
  checks: string[];
};

export type IndexInfo = {
  name: string;
  table: string;
  unique: boolean;
  /** Column names, or the indexed expression for an expression term. */
  columns: string[];
  partial: boolean;
  /** The CREATE INDEX statement; null for the automatic index of a UNIQUE or PRIMARY KEY constraint. */
  sql: string | null;
};

export type TableInfo = {
  name: string;
  sql: string;
  columns: ColumnInfo[];
  /** CHECKs written as table constraints. */
  checks: string[];
  indexes: IndexInfo[];
};

export type ViewInfo = { name: string; sql: string; columns: string[] };

export type SchemaModel = { tables: TableInfo[]; views: ViewInfo[] };

/** SQLite's own tables and Prisma's migration bookkeeping: not part of the product's schema. */
export function isBookkeeping(name: string): boolean {
  return name.startsWith("sqlite_") || name === "_prisma_migrations";
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

type XInfoRow = { name: string; type: string; notnull: number; dflt_value: string | null; pk: number; hidden: number };
type ForeignKeyRow = { table: string; from: string; to: string | null; on_update: string; on_delete: string };
type IndexListRow = { name: string; unique: number; origin: string; partial: number };
type IndexXInfoRow = { seqno: number; cid: number; name: string | null; key: number };

/** Index terms in order; an expression term (cid −2) is named by its text from the CREATE INDEX statement. */
function indexColumns(sqlite: Database.Database, index: string, sql: string | null): string[] {
  const rows = (sqlite.prepare(`SELECT * FROM pragma_index_xinfo(?)`).all(index) as IndexXInfoRow[]).filter((r) => r.key === 1);
  const expressions = sql ? expressionTerms(sql) : [];
  return rows.map((row, position) => row.name ?? expressions[position] ?? "<expression>");
}

/** The comma-separated terms of CREATE INDEX … ON t ( terms ), kept whole across nested parentheses. */
function expressionTerms(sql: string): string[] {
  const open = sql.indexOf("(");
  const terms: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of sql.slice(open + 1)) {
    if (char === "(") depth++;
    if (char === ")") {
      if (depth === 0) break;
      depth--;
    }
    if (char === "," && depth === 0) {
      terms.push(current.trim());
      current = "";
    } else current += char;
  }
  if (current.trim()) terms.push(current.trim());
  return terms.map((term) => term.replace(/\s+/g, " "));
}

/** The schema as the database itself describes it: sqlite_schema and the table, index and foreign-key pragmas. */
export function readSchema(sqlite: Database.Database): SchemaModel {
  const objects = sqlite
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE type IN ('table', 'view', 'index') ORDER BY name")
    .all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
  const indexSql = new Map(objects.filter((o) => o.type === "index").map((o) => [o.name, o.sql]));

  const tables = objects
    .filter((o) => o.type === "table" && !isBookkeeping(o.name))
    .map((o): TableInfo => {
      const sql = o.sql ?? "";
      const checks = parseTableChecks(sql);
      const foreignKeys = sqlite.prepare(`SELECT * FROM pragma_foreign_key_list(?)`).all(o.name) as ForeignKeyRow[];
      const columns = (sqlite.prepare(`SELECT * FROM pragma_table_xinfo(?)`).all(o.name) as XInfoRow[]).map((c): ColumnInfo => {
        const fk = foreignKeys.find((f) => f.from === c.name);
        return {
          name: c.name,
          type: c.type,
          notNull: c.notnull === 1,
          defaultValue: c.dflt_value,
          primaryKey: c.pk,
          // hidden: 2 = virtual generated, 3 = stored generated (1 is a virtual table's hidden column).
          generated: c.hidden === 2 || c.hidden === 3,
          foreignKey: fk ? { table: fk.table, column: fk.to ?? "id", onDelete: fk.on_delete, onUpdate: fk.on_update } : null,
          checks: checks.columns.get(c.name) ?? [],
        };
      });
      const indexes = (sqlite.prepare(`SELECT * FROM pragma_index_list(?)`).all(o.name) as IndexListRow[])
        .map((i): IndexInfo => {
          const sqlText = indexSql.get(i.name) ?? null;
          return { name: i.name, table: o.name, unique: i.unique === 1, partial: i.partial === 1, sql: sqlText, columns: indexColumns(sqlite, i.name, sqlText) };
        })
        .sort((a, b) => a.name.localeCompare(b.name));
      return { name: o.name, sql, columns, checks: checks.table, indexes };
    });

  const views = objects
    .filter((o) => o.type === "view")
    .map((o): ViewInfo => {
      let columns: string[] = [];
      try {
        columns = (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(o.name) as { name: string }[]).map((c) => c.name);
      } catch {
        // A view that no longer compiles has no columns; the validation reports it.
      }
      return { name: o.name, sql: o.sql ?? "", columns };
    });

  return { tables, views };
}

/** Every named index of the schema (automatic ones are the constraints' own and carry no separate meaning). */
export function namedIndexes(schema: SchemaModel): IndexInfo[] {
  return schema.tables.flatMap((t) => t.indexes).filter((i) => i.sql !== null);
}

export { quote as quoteIdentifier };
