import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { erDiagramSvg } from "./er-diagram";
import { migratedSchema } from "./fresh-schema";
import { schemaMarkdown } from "./schema-markdown";

describe("docs/schema.md", () => {
  it("is what npm run docs:schema generates from the migrations and the descriptions today", () => {
    const schema = migratedSchema();
    expect(fs.readFileSync("docs/schema.md", "utf8")).toBe(schemaMarkdown(schema));
    expect(fs.readFileSync("docs/schema-er.svg", "utf8")).toBe(erDiagramSvg(schema));
  });

  it("has a section per table with a row per column, and a section per view", () => {
    const schema = migratedSchema();
    const markdown = schemaMarkdown(schema);
    for (const table of schema.tables) {
      expect(markdown).toContain(`### ${table.name}\n`);
      for (const column of table.columns) expect(markdown).toContain(`| \`${column.name}\` |`);
    }
    for (const view of schema.views) expect(markdown).toContain(`### ${view.name}\n`);
  });
});
