import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";
import { API_OPERATIONS, pathOfRouteDirectory } from "./operations";

/** Every route file under app/api/v1 and the methods it exports, as "POST /api/v1/runs". */
function routeFileOperations(): string[] {
  const found: string[] = [];
  const walk = (directory: string) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8");
        for (const [, method] of source.matchAll(/export const (GET|POST|PATCH|PUT|DELETE)\b/g)) found.push(`${method} ${pathOfRouteDirectory(path.dirname(full))}`);
      }
    }
  };
  walk("app/api/v1");
  return found.sort();
}

type Operation = { operationId: string; "x-scope": string; requestBody?: { content: { "application/json": { schema: Record<string, never> } } } };
const document = openApiDocument() as { openapi: string; paths: Record<string, Record<string, Operation>> };
const documented = Object.entries(document.paths).flatMap(([route, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`));

describe("the OpenAPI document", () => {
  it("lists every route under app/api/v1, and nothing else", () => {
    expect(routeFileOperations().length).toBeGreaterThan(8);
    expect(documented.sort()).toEqual(routeFileOperations());
  });

  it("names the scope each route's apiV1 wrapper asks for", () => {
    for (const operation of API_OPERATIONS) {
      const file = path.join("app", operation.path.replace(/^\//, "").replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
      expect(fs.readFileSync(file, "utf8"), `${operation.method} ${operation.path}`).toMatch(new RegExp(`export const ${operation.method} = apiV1(<[^>]+>)?\\("${operation.scope}"`));
      expect(document.paths[operation.path]![operation.method.toLowerCase()]!["x-scope"]).toBe(operation.scope);
    }
  });

  it("describes a prediction batch from the zod schema: at most 10,000 items, each field's type and the CHECKs' limits", () => {
    const body = document.paths["/api/v1/predictions"]!.post!.requestBody!.content["application/json"].schema as unknown as {
      properties: { items: { maxItems: number; items: { required: string[]; properties: Record<string, Record<string, unknown>> } } };
    };
    expect(document.openapi).toBe("3.1.0");
    expect(body.properties.items.maxItems).toBe(10_000);
    const item = body.properties.items.items;
    expect(item.required.sort()).toEqual(["prediction", "predictionType", "queryId", "runId"]);
    expect(item.properties.confidence).toMatchObject({ anyOf: expect.arrayContaining([expect.objectContaining({ type: "number", minimum: 0, maximum: 1 })]) });
    expect(item.properties.predictionType).toMatchObject({ enum: ["classification", "routing", "optimization"] });
  });

  it("gives the form-derived run fields their JSON types, which zod alone cannot infer", () => {
    const body = document.paths["/api/v1/runs"]!.post!.requestBody!.content["application/json"].schema as unknown as { required: string[]; properties: Record<string, Record<string, unknown>> };
    expect(body.required).toEqual(["modelType", "modelVersion", "startedAt", "trainingSamples"]);
    expect(body.properties.accuracy).toMatchObject({ type: ["number", "null"], minimum: 0, maximum: 1 });
    expect(body.properties.startedAt).toMatchObject({ type: "string", format: "date-time" });
    expect(body.properties.tags).toMatchObject({ type: "array", maxItems: 50 });
  });
});
