import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { parsePrismaSchema, type PrismaModel } from "./test-fixtures/prisma-schema-parser";

// Proves that prisma/schema.prisma and the database built by the SQL migrations describe the same schema.
let temp: TempDatabase;
let models: PrismaModel[];
beforeAll(() => {
  temp = createTempDatabase();
  models = parsePrismaSchema(fs.readFileSync(path.resolve("prisma", "schema.prisma"), "utf8"));
});
afterAll(async () => {
  await temp.close();
});

type DbColumn = { name: string; type: string; notnull: number; dflt_value: string | null; pk: number; hidden: number };

const SQLITE_TYPE: Record<string, string> = { String: "TEXT", Int: "INTEGER", Float: "REAL", Boolean: "INTEGER", BigInt: "INTEGER", Bytes: "BLOB" };

function dbColumns(table: string): DbColumn[] {
  return temp.sqlite.prepare(`PRAGMA table_xinfo(${table})`).all() as DbColumn[];
}

function dbObjects(type: "table" | "view"): string[] {
  return (
    temp.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name")
      .all(type) as { name: string }[]
  ).map((r) => r.name);
}

const scalarFields = (model: PrismaModel) => model.fields.filter((f) => !f.list && SQLITE_TYPE[f.type]);

describe("Prisma schema agrees with the migrated database", () => {
  it("every table has a model and every model a table", () => {
    expect(models.filter((m) => m.kind === "model").map((m) => m.table).sort()).toEqual(dbObjects("table"));
  });

  it("every view has a read-only view model and every view model a view", () => {
    expect(models.filter((m) => m.kind === "view").map((m) => m.table).sort()).toEqual(dbObjects("view"));
  });

  it("every column has a field and every field a column, for tables and views", () => {
    for (const model of models) {
      const fromPrisma = scalarFields(model).map((f) => f.column).sort();
      expect(fromPrisma, model.name).toEqual(dbColumns(model.table).map((c) => c.name).sort());
    }
  });

  it("table columns match their fields in type, nullability and default", () => {
    const mismatches: string[] = [];
    for (const model of models.filter((m) => m.kind === "model")) {
      const columns = new Map(dbColumns(model.table).map((c) => [c.name, c]));
      for (const field of scalarFields(model)) {
        const column = columns.get(field.column)!;
        // An INTEGER PRIMARY KEY is the rowid: never NULL although table_xinfo reports notnull = 0.
        const nullable = column.notnull === 0 && !(column.pk === 1 && column.type === "INTEGER");
        if (column.type !== SQLITE_TYPE[field.type]) mismatches.push(`${model.table}.${field.column}: ${column.type} vs ${field.type}`);
        if (nullable !== field.optional) mismatches.push(`${model.table}.${field.column}: nullable ${nullable} vs optional ${field.optional}`);
        const hasDefault = column.dflt_value !== null || (column.pk === 1 && column.type === "INTEGER" && field.hasDefault);
        if (hasDefault !== field.hasDefault) mismatches.push(`${model.table}.${field.column}: default ${hasDefault} vs @default ${field.hasDefault}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("view columns declared from a table column match their field type", () => {
    const mismatches: string[] = [];
    for (const model of models.filter((m) => m.kind === "view")) {
      const columns = new Map(dbColumns(model.table).map((c) => [c.name, c]));
      for (const field of scalarFields(model)) {
        const declared = columns.get(field.column)!.type;
        if (declared !== "" && declared !== SQLITE_TYPE[field.type]) mismatches.push(`${model.table}.${field.column}: ${declared} vs ${field.type}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("every foreign key is a relation with the same columns, target and ON DELETE rule", () => {
    const byTable = new Map(models.map((m) => [m.name, m.table]));
    for (const model of models.filter((m) => m.kind === "model")) {
      const relations = model.fields
        .filter((f) => f.relation)
        .map((f) => {
          const columnOf = (name: string) => model.fields.find((x) => x.name === name)!.column;
          return `${f.relation!.fields.map(columnOf).join(",")} -> ${byTable.get(f.type)} ON DELETE ${f.relation!.onDelete?.replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase() ?? "?"}`;
        })
        .sort();
      const foreignKeys = (temp.sqlite.prepare(`PRAGMA foreign_key_list(${model.table})`).all() as { from: string; table: string; on_delete: string }[])
        .map((fk) => `${fk.from} -> ${fk.table} ON DELETE ${fk.on_delete}`)
        .sort();
      expect(relations, model.name).toEqual(foreignKeys);
    }
  });

  it("every index named in the Prisma schema exists in the database, and every database index is named there", () => {
    const prismaIndexes = models.flatMap((m) => m.indexNames).sort();
    const dbIndexes = (temp.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(prismaIndexes).toEqual(dbIndexes);
  });

  it("the generated client reads and writes through the models (a round trip on every table's id)", async () => {
    const prisma = temp.prisma();
    const subject = "c".repeat(64);
    await prisma.session.create({ data: { id: "s1", subjectId: subject, startedAt: "2026-01-01T00:00:00.000Z" } });
    const created = await prisma.query.create({
      data: { id: "q1", sessionId: "s1", timestamp: "2026-01-01T00:00:01.000Z", queryHash: subject, queryLength: 5, latencyMs: 12 },
    });
    expect(created).toMatchObject({ toolCalls: 0, retrievalCount: 0, errorOccurred: 0, toolsUsed: "[]" });
    const session = await prisma.session.findUniqueOrThrow({ where: { id: "s1" }, include: { queries: true } });
    expect(session.queries.map((q) => q.id)).toEqual(["q1"]);
    await expect(
      prisma.query.create({ data: { id: "q2", sessionId: "missing", timestamp: "2026-01-01T00:00:01.000Z", queryHash: subject, queryLength: 5, latencyMs: 12 } }),
    ).rejects.toThrow();
  });
});
