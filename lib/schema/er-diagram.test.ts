import { describe, expect, it } from "vitest";
import { erDiagramSvg, layoutErDiagram } from "./er-diagram";
import { migratedSchema } from "./fresh-schema";

describe("erDiagramSvg", () => {
  const schema = migratedSchema();
  const svg = erDiagramSvg(schema);

  it("draws one box per table and one line per foreign key, named after the column", () => {
    const boxes = [...svg.matchAll(/data-table="([^"]+)"/g)].map((m) => m[1]);
    expect(boxes.sort()).toEqual(schema.tables.map((t) => t.name).sort());
    const lines = [...svg.matchAll(/data-fk="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(lines).toEqual(schema.tables.flatMap((t) => t.columns.filter((c) => c.foreignKey).map((c) => `${t.name}.${c.name}`)).sort());
    expect(lines).toContain("model_predictions.model_run_id");
  });

  it("places every table right of the tables it references, and no two boxes overlap", () => {
    const layout = layoutErDiagram(schema);
    const box = new Map(layout.boxes.map((b) => [b.table.name, b]));
    for (const b of layout.boxes) for (const c of b.table.columns) if (c.foreignKey) expect(b.x).toBeGreaterThan(box.get(c.foreignKey.table)!.x);
    for (const a of layout.boxes) for (const b of layout.boxes) {
      if (a === b) continue;
      const apart = a.x + 300 <= b.x || b.x + 300 <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      expect(apart, `${a.table.name} overlaps ${b.table.name}`).toBe(true);
    }
  });

  it("is the same document for the same schema (deterministic layout)", () => {
    expect(erDiagramSvg(migratedSchema())).toBe(svg);
  });
});
