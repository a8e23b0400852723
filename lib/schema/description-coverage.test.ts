import { afterEach, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { SCHEMA_DESCRIPTIONS, descriptionProblems } from "./description-coverage";
import { readSchema } from "./introspect";

let temp: TempDatabase | undefined;
afterEach(async () => {
  await temp?.close();
  temp = undefined;
});

describe("descriptionProblems", () => {
  it("finds a description for every table, column, view and index the migrations create, and none for anything else", () => {
    temp = createTempDatabase();
    expect(descriptionProblems(readSchema(temp.sqlite))).toEqual([]);
  });

  it("names each undescribed table, column, view and index, and what to add where", () => {
    temp = createTempDatabase();
    temp.sqlite.exec(`
      CREATE TABLE widgets (id TEXT PRIMARY KEY, created_at TEXT NOT NULL);
      CREATE INDEX idx_widgets_created ON widgets(created_at);
      ALTER TABLE model_training_runs ADD COLUMN gadget_id TEXT;
      CREATE VIEW v_new AS SELECT 1 AS one;`);
    expect(descriptionProblems(readSchema(temp.sqlite))).toEqual([
      'Column model_training_runs.gadget_id has no description: add gadget_id: "…" to TABLE_DESCRIPTIONS.model_training_runs.columns in prisma/schema-descriptions.ts.',
      'Table widgets has no description: add TABLE_DESCRIPTIONS.widgets = { description: "…", columns: { id: "…", created_at: "…" } } to prisma/schema-descriptions.ts.',
      'View v_new has no description: add v_new: "…" to VIEW_DESCRIPTIONS in prisma/schema-descriptions.ts.',
      'Index idx_widgets_created (on widgets) has no description: add idx_widgets_created: "…" to INDEX_DESCRIPTIONS in prisma/schema-descriptions.ts.',
    ]);
  });

  it("names descriptions of things the schema does not have", () => {
    temp = createTempDatabase();
    const stale = {
      ...SCHEMA_DESCRIPTIONS,
      tables: { ...SCHEMA_DESCRIPTIONS.tables, people: { description: "People", columns: {} }, queries: { ...SCHEMA_DESCRIPTIONS.tables.queries!, columns: { ...SCHEMA_DESCRIPTIONS.tables.queries!.columns, raw_text: "x" } } },
      views: { ...SCHEMA_DESCRIPTIONS.views, v_gone: "x" },
      indexes: { ...SCHEMA_DESCRIPTIONS.indexes, idx_gone: "x" },
    };
    expect(descriptionProblems(readSchema(temp.sqlite), stale)).toEqual([
      "prisma/schema-descriptions.ts describes column queries.raw_text, which the schema does not have: remove it from TABLE_DESCRIPTIONS.queries.columns.",
      "prisma/schema-descriptions.ts describes table people, which the schema does not have: remove TABLE_DESCRIPTIONS.people.",
      "prisma/schema-descriptions.ts describes view v_gone, which the schema does not have: remove VIEW_DESCRIPTIONS.v_gone.",
      "prisma/schema-descriptions.ts describes index idx_gone, which the schema does not have: remove INDEX_DESCRIPTIONS.idx_gone.",
    ]);
  });
});
