/**
 * The OpenAPI 3.1 document of /api/v1, built from API_OPERATIONS and the zod schemas they name with zod 4's
 * z.toJSONSchema (JSON Schema 2020-12, which OpenAPI 3.1 uses). Form fields that zod cannot describe (they
 * coerce text) carry their JSON type in .meta() where they are defined.
 */
import { z } from "zod";
import { MAX_BATCH_ITEMS } from "./batch";
import { IDEMPOTENCY_HEADER, MAX_KEY_LENGTH, REPLAYED_HEADER } from "./idempotency";
import { API_OPERATIONS, type ApiOperation } from "./operations";
import { batchErrorResponse, errorResponse } from "./responses";

export type JsonSchema = Record<string, unknown>;

/** A zod schema as JSON Schema: what a client sends (`input`) or receives (`output`). */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const generated = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  delete generated.$schema;
  return generated;
}

/** The request body's schema: the object, or `{ items: [...] }` of it for a batch. */
export function requestSchemaOf(operation: ApiOperation): JsonSchema | null {
  if (!operation.request) return null;
  const item = jsonSchemaOf(operation.request.schema, "input");
  if (!operation.request.batch) return item;
  return {
    type: "object",
    required: ["items"],
    properties: { items: { type: "array", minItems: 1, maxItems: MAX_BATCH_ITEMS, items: item } },
    additionalProperties: false,
  };
}

const json = (schema: JsonSchema) => ({ "application/json": { schema } });
const ERROR_REF = { $ref: "#/components/schemas/Error" };
const BATCH_ERROR_REF = { $ref: "#/components/schemas/BatchError" };

const pathParameters = (path: string) =>
  [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: "path", required: true, schema: { type: "string" } }));

const writes = (operation: ApiOperation) => operation.method !== "GET";

function operationObject(operation: ApiOperation) {
  const request = requestSchemaOf(operation);
  const parameters = [
    ...pathParameters(operation.path),
    ...(operation.query ?? []).map((query) => ({ name: query.name, in: "query", required: false, description: query.description, schema: query.schema })),
    ...(writes(operation)
      ? [
          {
            name: IDEMPOTENCY_HEADER,
            in: "header",
            required: false,
            description: "Any unique string (a UUID); a retry with the same key and body is answered from the first response and writes nothing.",
            schema: { type: "string", minLength: 1, maxLength: MAX_KEY_LENGTH },
          },
        ]
      : []),
  ];
  const badRequest = operation.request?.batch ? BATCH_ERROR_REF : ERROR_REF;
  const errors: Record<string, unknown> = {
    ...(request ? { 400: { description: "The body is not valid: nothing was written.", content: json(badRequest) } } : {}),
    401: { description: "No valid API key (Authorization: Bearer <key>).", content: json(ERROR_REF) },
    403: { description: `The key lacks the ${operation.scope} scope.`, content: json(ERROR_REF) },
  };
  for (const [status, description] of Object.entries(operation.errors ?? {})) errors[status] = { description, content: json(status === "413" ? badRequest : ERROR_REF) };
  if (writes(operation)) errors[422] = { description: `The ${IDEMPOTENCY_HEADER} was used before with a different body or route.`, content: json(ERROR_REF) };
  return {
    operationId: operation.id,
    summary: operation.summary,
    description: operation.description,
    tags: [operation.resource],
    "x-scope": operation.scope,
    security: [{ bearerAuth: [] }],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(request ? { requestBody: { required: true, content: { "application/json": { schema: request, example: operation.request!.example } } } } : {}),
    responses: {
      [operation.response.status]: {
        description: operation.response.description,
        ...(writes(operation) ? { headers: { [REPLAYED_HEADER]: { description: "true when this is a replay of an earlier response.", schema: { type: "string" } } } } : {}),
        content: json(jsonSchemaOf(operation.response.schema, "output")),
      },
      ...errors,
    },
  };
}

/** The whole document. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of API_OPERATIONS) (paths[operation.path] ??= {})[operation.method.toLowerCase()] = operationObject(operation);
  return {
    openapi: "3.1.0",
    info: {
      title: "RALL Dashboard API",
      version: "1",
      description:
        `Write training runs, predictions, ground truth, feature vectors and A/B outcomes into the dashboard. Batches hold at most ${MAX_BATCH_ITEMS.toLocaleString("en-US")} items and are written whole or not at all; ` +
        `send an ${IDEMPOTENCY_HEADER} header to make retries safe.`,
    },
    servers: [{ url: "/" }],
    tags: [...new Set(API_OPERATIONS.map((operation) => operation.resource))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "An API key from Settings → API keys." } },
      schemas: { Error: jsonSchemaOf(errorResponse, "output"), BatchError: jsonSchemaOf(batchErrorResponse, "output") },
    },
  };
}
