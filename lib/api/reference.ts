/**
 * The API reference page's view of the OpenAPI document: each operation's request and response fields as
 * rows (name, type, required, constraints in words), and example calls. Built from the same document that
 * /api/v1/openapi.json serves, so the page cannot drift from it.
 */
import { IDEMPOTENCY_HEADER } from "./idempotency";
import { requestSchemaOf, jsonSchemaOf, type JsonSchema } from "./openapi";
import { API_OPERATIONS, type ApiOperation } from "./operations";

export type FieldRow = { name: string; type: string; required: boolean; constraints: string[]; description: string | null };

export type ReferenceOperation = ApiOperation & {
  anchor: string;
  requestFields: FieldRow[];
  /** For a batch: the fields of one item of `items`. */
  batch: boolean;
  responseFields: FieldRow[];
  curl: string;
};

export type ReferenceGroup = { resource: string; anchor: string; operations: ReferenceOperation[] };

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** The variants of a nullable or union schema, flattened. */
function variants(schema: JsonSchema): JsonSchema[] {
  const anyOf = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  return anyOf ? anyOf.flatMap(variants) : [schema];
}

const ANY_JSON = ["string", "number", "boolean", "null", "array", "object"];

function typeName(schema: JsonSchema): string {
  const kinds = variants(schema).map((variant) => variant.type);
  if (ANY_JSON.every((kind) => kinds.includes(kind))) return "any JSON value";
  const names = variants(schema).flatMap((variant): string[] => {
    const type = variant.type;
    if (Array.isArray(type)) return type as string[];
    if (type === "array") return [`array of ${typeName((variant.items as JsonSchema | undefined) ?? {})}`];
    if (type === "object" && variant.additionalProperties && typeof variant.additionalProperties === "object") return ["object"];
    if (typeof type === "string") return [type];
    if (variant.enum) return ["string"];
    return ["any JSON"];
  });
  return [...new Set(names)].join(" | ");
}

const plural = (count: unknown, noun: string) => `${number(count)} ${noun}${count === 1 ? "" : "s"}`;
const number = (value: unknown) => (typeof value === "number" ? value.toLocaleString("en-US") : String(value));
const isSafeBound = (value: unknown) => typeof value === "number" && Math.abs(value) < 1e15;

function constraintsOf(schema: JsonSchema): string[] {
  const found: string[] = [];
  for (const variant of variants(schema)) {
    if (Array.isArray(variant.enum)) found.push(`one of ${(variant.enum as unknown[]).map(String).join(", ")}`);
    if (variant.format === "date-time") found.push("ISO 8601 UTC timestamp");
    if (variant.format === "uuid") found.push("UUID");
    const min = isSafeBound(variant.minimum) ? variant.minimum : undefined;
    const max = isSafeBound(variant.maximum) ? variant.maximum : undefined;
    if (min !== undefined && max !== undefined) found.push(`${number(min)} to ${number(max)}`);
    else if (min !== undefined) found.push(`≥ ${number(min)}`);
    else if (max !== undefined) found.push(`≤ ${number(max)}`);
    if (typeof variant.minLength === "number" && variant.minLength > 0) found.push(`at least ${plural(variant.minLength, "character")}`);
    if (typeof variant.maxLength === "number") found.push(`at most ${plural(variant.maxLength, "character")}`);
    if (typeof variant.minItems === "number" && variant.minItems > 0) found.push(`at least ${plural(variant.minItems, "item")}`);
    if (typeof variant.maxItems === "number") found.push(`at most ${plural(variant.maxItems, "item")}`);
    if (typeof variant.pattern === "string" && variant.format === undefined) found.push(`matches ${variant.pattern}`);
  }
  return [...new Set(found)];
}

/** An object schema's properties as rows. */
export function fieldRows(schema: JsonSchema): FieldRow[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    type: typeName(property),
    required: required.has(name),
    constraints: constraintsOf(property),
    description: variants(property).map((variant) => variant.description).find((text): text is string => typeof text === "string") ?? (typeof property.description === "string" ? property.description : null),
  }));
}

const EXAMPLE_ID = "0b6c4c1e-6f3a-4f44-9a51-3f0c1d2e4b5a";

/** A curl call of the operation with its example body. */
export function curlExample(operation: ApiOperation): string {
  const path = operation.path.replace(/\{\w+\}/g, EXAMPLE_ID);
  const lines = [`curl -X ${operation.method} "$RALL_URL${path}"`, `  -H "Authorization: Bearer $RALL_API_KEY"`];
  if (operation.request) {
    lines.push(`  -H "Content-Type: application/json"`, `  -H "${IDEMPOTENCY_HEADER}: $(uuidgen)"`);
    lines.push(`  -d '${JSON.stringify(operation.request.example)}'`);
  }
  return lines.join(" \\\n");
}

/** The operations grouped by resource, in the order API_OPERATIONS lists them. */
export function apiReference(): ReferenceGroup[] {
  const groups = new Map<string, ReferenceGroup>();
  for (const operation of API_OPERATIONS) {
    const request = requestSchemaOf(operation);
    const itemSchema = operation.request?.batch ? (((request?.properties as Record<string, JsonSchema>).items?.items ?? {}) as JsonSchema) : request;
    const group = groups.get(operation.resource) ?? { resource: operation.resource, anchor: slug(operation.resource), operations: [] };
    groups.set(operation.resource, group);
    group.operations.push({
      ...operation,
      anchor: slug(operation.id),
      requestFields: itemSchema ? fieldRows(itemSchema) : [],
      batch: operation.request?.batch === true,
      responseFields: fieldRows(jsonSchemaOf(operation.response.schema, "output")),
      curl: curlExample(operation),
    });
  }
  return [...groups.values()];
}
