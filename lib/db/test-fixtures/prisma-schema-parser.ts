/** A small reader of prisma/schema.prisma, enough for the schema-agreement test (models, views, fields, maps). */
export type PrismaField = {
  name: string;
  column: string;
  type: string;
  optional: boolean;
  list: boolean;
  hasDefault: boolean;
  relation?: { fields: string[]; references: string[]; onDelete?: string };
};

export type PrismaModel = { kind: "model" | "view"; name: string; table: string; fields: PrismaField[]; indexNames: string[] };

export function parsePrismaSchema(source: string): PrismaModel[] {
  const blocks = [...source.matchAll(/^(model|view)\s+(\w+)\s*\{([\s\S]*?)^\}/gm)];
  return blocks.map(([, kind, name, body]) => {
    const lines = body!.split("\n").map((line) => line.replace(/\/\/.*$/, "").trim()).filter(Boolean);
    const fields = lines
      .filter((line) => !line.startsWith("@@"))
      .map((line): PrismaField => {
        const [, fieldName, type, list, optional, rest = ""] = line.match(/^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/) ?? [];
        const relation = rest.match(/@relation\(([^)]*)\)/)?.[1];
        const listOf = (key: string) => relation?.match(new RegExp(`${key}:\\s*\\[([^\\]]*)\\]`))?.[1]?.split(",").map((s) => s.trim()) ?? [];
        return {
          name: fieldName!,
          column: rest.match(/@map\("([^"]+)"\)/)?.[1] ?? fieldName!,
          type: type!,
          optional: Boolean(optional),
          list: Boolean(list),
          hasDefault: rest.includes("@default("),
          relation: relation && relation.includes("fields:")
            ? { fields: listOf("fields"), references: listOf("references"), onDelete: relation.match(/onDelete:\s*(\w+)/)?.[1] }
            : undefined,
        };
      });
    const table = lines.find((line) => line.startsWith("@@map("))?.match(/"([^"]+)"/)?.[1] ?? name!;
    const indexNames = lines.flatMap((line) => [...line.matchAll(/@@(?:index|unique)\(.*map:\s*"([^"]+)"/g)].map((m) => m[1]!));
    return { kind: kind as "model" | "view", name: name!, table, fields, indexNames };
  });
}
