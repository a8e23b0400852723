import fs from "node:fs";
import { erDiagramSvg } from "@/lib/schema/er-diagram";
import { migratedSchema } from "@/lib/schema/fresh-schema";
import { schemaMarkdown } from "@/lib/schema/schema-markdown";

// npm run docs:schema: writes docs/schema.md and docs/schema-er.svg from the migrations and the descriptions.
const schema = migratedSchema();
fs.mkdirSync("docs", { recursive: true });
fs.writeFileSync("docs/schema.md", schemaMarkdown(schema));
fs.writeFileSync("docs/schema-er.svg", erDiagramSvg(schema));
console.log(`Wrote docs/schema.md and docs/schema-er.svg (${schema.tables.length} tables, ${schema.views.length} views).`);
