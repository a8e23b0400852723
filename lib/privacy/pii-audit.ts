import "server-only";
import type { PrismaClient } from "@/lib/db/client";
import { scrubJsonStrings } from "./scrub-json";
import { scrubPii } from "./scrub-pii";

/** What the audit needs: raw SQL reads. Identifiers it interpolates come from sqlite_master, never from input. */
export type AuditSource = Pick<PrismaClient, "$queryRawUnsafe">;

export type AuditHit = { table: string; column: string; category: string; count: number };

export type AuditReport = {
  tables: number;
  columns: number;
  valuesScanned: number;
  /** One entry per table, column and category with at least one finding; never the matched value. */
  hits: AuditHit[];
};

const PAGE_SIZE = 2000;

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** SQLite's type affinity rules (§3.1 of "Datatypes In SQLite"): a declared type with CHAR, CLOB or TEXT is text. */
function mayHoldText(declaredType: string): boolean {
  const type = declaredType.toUpperCase();
  return type === "" || /CHAR|CLOB|TEXT|JSON/.test(type);
}

/** Every table's text-affinity columns, read from the live schema so a table added later is audited too. */
export async function textColumnsByTable(source: AuditSource): Promise<Map<string, string[]>> {
  const tables = await source.$queryRawUnsafe<{ name: string }[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
  );
  const result = new Map<string, string[]>();
  for (const { name } of tables) {
    const columns = await source.$queryRawUnsafe<{ name: string; type: string }[]>(
      "SELECT name, type FROM pragma_table_info(?) ORDER BY cid",
      name,
    );
    result.set(name, columns.filter((column) => mayHoldText(column.type)).map((column) => column.name));
  }
  return result;
}

/** The categories found in one stored value: a JSON document is scanned string by string, like the writers do. */
export function findingsInStoredValue(value: string): string[] {
  const trimmed = value.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      return scrubJsonStrings(JSON.parse(value) as unknown).findings.map((finding) => finding.category);
    } catch {
      // Not JSON after all: scanned as text below.
    }
  }
  return scrubPii(value).findings.map((finding) => finding.category);
}

/**
 * Scans every text value of every table (including JSON documents) with the scrubber's detectors and counts what
 * it finds by table, column and category. On a database written only through the scrubbing write paths this
 * is empty; anything it reports was stored around them.
 */
export async function auditPii(source: AuditSource): Promise<AuditReport> {
  const columnsByTable = await textColumnsByTable(source);
  const counts = new Map<string, AuditHit>();
  let valuesScanned = 0;
  let columnCount = 0;
  for (const [table, columns] of columnsByTable) {
    if (columns.length === 0) continue;
    columnCount += columns.length;
    const selected = columns.map(quoteIdentifier).join(", ");
    let lastRowid = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const rows = await source.$queryRawUnsafe<Record<string, unknown>[]>(
        `SELECT rowid AS __rowid, ${selected} FROM ${quoteIdentifier(table)} WHERE rowid > ? ORDER BY rowid LIMIT ${PAGE_SIZE}`,
        lastRowid,
      );
      for (const row of rows) {
        for (const column of columns) {
          const value = row[column];
          if (typeof value !== "string" || value === "") continue;
          valuesScanned++;
          for (const category of findingsInStoredValue(value)) {
            const key = `${table}\u0000${column}\u0000${category}`;
            const hit = counts.get(key) ?? { table, column, category, count: 0 };
            hit.count++;
            counts.set(key, hit);
          }
        }
      }
      if (rows.length < PAGE_SIZE) break;
      lastRowid = Number(rows.at(-1)!.__rowid);
    }
  }
  const hits = [...counts.values()].sort(
    (a, b) => a.table.localeCompare(b.table) || a.column.localeCompare(b.column) || a.category.localeCompare(b.category),
  );
  return { tables: columnsByTable.size, columns: columnCount, valuesScanned, hits };
}
