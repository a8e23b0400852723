/**
 * Every /api/v1 operation, described once: the OpenAPI document (lib/api/openapi.ts), the API reference page
 * and the TypeScript client's check are built from this list, and a test keeps it equal to the route files
 * under app/api/v1. Request schemas are the same zod schemas the handlers (and the dashboard's forms) use.
 */
import { z } from "zod";
import { abOutcomeSchema } from "@/lib/ab-tests/outcomes-schema";
import { createAbTestSchema } from "@/lib/ab-tests/schema";
import { logFeatureVectorSchema } from "@/lib/features/log-feature-vectors-schema";
import { recordGroundTruthSchema } from "@/lib/predictions/ground-truth-schema";
import { logPredictionSchema } from "@/lib/predictions/log-predictions-schema";
import { completeRunSchema, runTagsSchema, updateRunSchema } from "@/lib/runs/run-api-schema";
import { registerRunSchema } from "@/lib/runs/schema";
import { ingestSessionSchema } from "@/lib/telemetry/ingest-session";
import { consentItemSchema, feedbackItemSchema, queryItemSchema, reasoningTraceItemSchema, toolUsageItemSchema } from "@/lib/telemetry/telemetry-batch-schemas";
import * as responses from "./responses";
import type { ApiScope } from "./v1-handler";

export type HttpMethod = "GET" | "POST" | "PATCH";

export type ApiOperation = {
  /** operationId, and the TypeScript client's method name. */
  id: string;
  method: HttpMethod;
  /** OpenAPI path template: /api/v1/runs/{id}. */
  path: string;
  resource: string;
  scope: ApiScope;
  summary: string;
  description: string;
  /** The body: one object, or `{ items: [...] }` of this item schema when `batch`. */
  request?: { schema: z.ZodType; batch?: boolean; example: unknown };
  query?: { name: string; description: string; schema: Record<string, unknown> }[];
  response: { status: number; description: string; schema: z.ZodType };
  /** Error statuses besides 400 (and 401/403 from apiV1). */
  errors?: Partial<Record<404 | 409 | 413 | 422, string>>;
  /** The Python client's call for this operation, if it has one. */
  python?: string;
};

/** The registration form's fields plus the API's tags. */
const newRunSchema = z.object({ ...registerRunSchema.shape, ...runTagsSchema.shape }).meta({ required: ["modelType", "modelVersion", "startedAt", "trainingSamples"] });

const EXAMPLE_SESSION = "3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b";
const EXAMPLE_SUBJECT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const EXAMPLE_RUN = "0b6c4c1e-6f3a-4f44-9a51-3f0c1d2e4b5a";
const EXAMPLE_QUERY = "5f1d3c2a-8e4b-4c6d-9a7f-1b2c3d4e5f60";

/** A session-scoped telemetry batch: same rules, different table. */
function telemetryBatch(id: string, path: string, what: string, schema: z.ZodType, example: Record<string, unknown>): ApiOperation {
  return {
    id,
    method: "POST",
    path,
    resource: "Telemetry",
    scope: "write",
    summary: `Ingest a batch of ${what}`,
    description: `Up to 10,000 ${what} of existing sessions, all or nothing. An item whose session's subject has not consented to local telemetry refuses the batch with 403; free text is scrubbed.`,
    request: { schema, batch: true, example: { items: [example] } },
    response: { status: 201, description: "Every item was written.", schema: responses.rowsWrittenResponse },
    errors: { 413: "More than 10,000 items." },
  };
}

export const API_OPERATIONS: readonly ApiOperation[] = [
  {
    id: "createRun",
    method: "POST",
    path: "/api/v1/runs",
    resource: "Training runs",
    scope: "write",
    summary: "Register a training run",
    description: "The run registration form's fields as JSON, plus tags. Notes, tags, the feature set version and every string in the hyperparameters are scrubbed for personal data.",
    request: {
      schema: newRunSchema,
      example: { modelType: "classifier", modelVersion: "2.4.0", startedAt: "2026-11-20T09:00:00.000Z", trainingSamples: 12000, hyperparameters: { learning_rate: 0.001 }, tags: ["baseline"] },
    },
    response: { status: 201, description: "The run was registered.", schema: responses.runCreatedResponse },
    errors: { 409: "That version of the model type is already registered (`existingRunId` names it)." },
    python: 'run_id = rall.log_run(model_type="classifier", model_version="2.4.0", started_at=start, training_samples=12000, tags=["baseline"])',
  },
  {
    id: "completeRun",
    method: "POST",
    path: "/api/v1/runs/{id}/complete",
    resource: "Training runs",
    scope: "write",
    summary: "Complete a run with its final metrics",
    description: "Sets when training finished and the final metrics given; a run completes once.",
    request: { schema: completeRunSchema, example: { completedAt: "2026-11-20T10:30:00.000Z", accuracy: 0.913, f1Score: 0.908, validationLoss: 0.248 } },
    response: { status: 200, description: "The run is completed.", schema: responses.runCompletedResponse },
    errors: { 404: "There is no run with this id.", 409: "The run already completed." },
    python: "rall.complete_run(run_id, completed_at=end, accuracy=0.913, f1_score=0.908)",
  },
  {
    id: "updateRun",
    method: "PATCH",
    path: "/api/v1/runs/{id}",
    resource: "Training runs",
    scope: "write",
    summary: "Edit a run's notes and tags",
    description: "Replaces the notes (null clears them), adds and removes tags. Notes and tags are scrubbed for personal data.",
    request: { schema: updateRunSchema, example: { notes: "Retrained on the November data.", addTags: ["prod-candidate"], removeTags: ["baseline"] } },
    response: { status: 200, description: "The run's notes and tags now.", schema: responses.runUpdatedResponse },
    errors: { 404: "There is no run with this id." },
  },
  {
    id: "logPredictions",
    method: "POST",
    path: "/api/v1/predictions",
    resource: "Predictions",
    scope: "write",
    summary: "Log a batch of predictions",
    description:
      "Up to 10,000 predictions of existing queries by existing runs, written in one transaction or not at all. With an actual value a prediction is labelled at once, and the server computes whether it was right.",
    request: {
      schema: logPredictionSchema,
      batch: true,
      example: { items: [{ queryId: EXAMPLE_QUERY, runId: EXAMPLE_RUN, predictionType: "classification", prediction: "reason", confidence: 0.82 }] },
    },
    response: { status: 201, description: "Every item was written.", schema: responses.predictionsWrittenResponse },
    errors: { 413: "More than 10,000 items." },
    python: 'ids = rall.log_predictions(run_id, [{"query_id": query_id, "prediction": "reason", "prediction_type": "classification", "confidence": 0.82}])',
  },
  {
    id: "logGroundTruth",
    method: "POST",
    path: "/api/v1/ground-truth",
    resource: "Predictions",
    scope: "write",
    summary: "Record the actual values of predictions",
    description: "Up to 10,000 labels, all or nothing. is_correct is computed by the server from the prediction and the (scrubbed) actual value; relabelling is allowed.",
    request: { schema: recordGroundTruthSchema, batch: true, example: { items: [{ predictionId: "8d7c6b5a-4e3f-4a2b-9c1d-0e9f8a7b6c5d", actualValue: "reason" }] } },
    response: { status: 200, description: "Every prediction was labelled.", schema: responses.groundTruthResponse },
    errors: { 413: "More than 10,000 items." },
    python: 'rall.log_ground_truth([{"prediction_id": prediction_id, "actual_value": "reason"}])',
  },
  {
    id: "logFeatureVectors",
    method: "POST",
    path: "/api/v1/feature-vectors",
    resource: "Feature vectors",
    scope: "write",
    summary: "Log a batch of feature vectors",
    description: "Up to 10,000 embeddings of existing queries with their named features, all or nothing.",
    request: {
      schema: logFeatureVectorSchema,
      batch: true,
      example: { items: [{ queryId: EXAMPLE_QUERY, embedding: [0.12, -0.03, 0.5], embeddingModel: "all-MiniLM-L6-v2", features: { query_length: 42 }, featureVersion: "v3" }] },
    },
    response: { status: 201, description: "Every vector was written.", schema: responses.rowsWrittenResponse },
    errors: { 413: "More than 10,000 items." },
    python: 'rall.log_feature_vectors([{"query_id": query_id, "embedding": vector, "embedding_model": "all-MiniLM-L6-v2"}])',
  },
  {
    id: "createAbTest",
    method: "POST",
    path: "/api/v1/ab-tests",
    resource: "A/B tests",
    scope: "write",
    summary: "Start an A/B test",
    description: "The new-test form's fields as JSON: two runs of the same model type and B's share of traffic in percent.",
    request: { schema: createAbTestSchema, example: { name: "classifier 2.4.0 vs 2.3.1", variantARunId: EXAMPLE_RUN, variantBRunId: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", trafficSplit: 50 } },
    response: { status: 201, description: "The test is running.", schema: responses.abTestCreatedResponse },
  },
  {
    id: "recordAbOutcomes",
    method: "POST",
    path: "/api/v1/ab-tests/{id}/outcomes",
    resource: "A/B tests",
    scope: "write",
    summary: "Record outcomes of a running test",
    description: "Each outcome is stored as a labelled prediction of its variant's run, and the test's counts are recomputed from them.",
    request: { schema: abOutcomeSchema, batch: true, example: { items: [{ variant: "B", queryId: EXAMPLE_QUERY, prediction: "reason", actualValue: "reason" }] } },
    response: { status: 201, description: "Every outcome was recorded.", schema: responses.abOutcomesResponse },
    errors: { 404: "There is no test with this id.", 409: "The test is closed.", 413: "More than 10,000 items." },
    python: 'rall.record_ab_outcomes(test_id, [{"variant": "B", "query_id": query_id, "prediction": "reason", "actual_value": "reason"}])',
  },
  {
    id: "getAbTest",
    method: "GET",
    path: "/api/v1/ab-tests/{id}",
    resource: "A/B tests",
    scope: "read",
    summary: "Read a test and its analysis",
    description: "The test's counts with the fixed-horizon and sequential analysis, the power toward a minimum detectable effect, and the guardrails.",
    query: [{ name: "mde", description: "Minimum detectable effect in percentage points (0.1–50, default 2).", schema: { type: "number", minimum: 0.1, maximum: 50 } }],
    response: { status: 200, description: "The test and its analysis.", schema: responses.abTestResponse },
    errors: { 404: "There is no test with this id." },
    python: "analysis = rall.RallClient().ab_test(test_id)",
  },
  {
    id: "ingestSession",
    method: "POST",
    path: "/api/v1/sessions",
    resource: "Telemetry",
    scope: "write",
    summary: "Ingest a session with its queries",
    description: "One session and its queries. Refused with 403 unless the subject's latest consent allows local telemetry; query text is hashed, never stored.",
    request: { schema: ingestSessionSchema, example: { session: { id: EXAMPLE_SESSION, subjectId: EXAMPLE_SUBJECT, startedAt: "2026-11-20T09:00:00.000Z" }, queries: [] } },
    response: { status: 201, description: "The session was stored.", schema: responses.sessionIngestedResponse },
    errors: { 409: "The session was already ingested." },
  },
  telemetryBatch("ingestQueries", "/api/v1/queries", "queries", queryItemSchema, { sessionId: EXAMPLE_SESSION, timestamp: "2026-11-20T09:00:01.000Z", text: "how do I rotate keys", latencyMs: 840, queryType: "reason" }),
  telemetryBatch("ingestFeedback", "/api/v1/feedback", "feedback", feedbackItemSchema, { sessionId: EXAMPLE_SESSION, queryId: EXAMPLE_QUERY, timestamp: "2026-11-20T09:00:05.000Z", feedbackType: "thumbs_up" }),
  telemetryBatch("ingestToolUsage", "/api/v1/tool-usage", "tool calls", toolUsageItemSchema, { sessionId: EXAMPLE_SESSION, timestamp: "2026-11-20T09:00:02.000Z", toolName: "web_search", toolCategory: "search", executionMs: 310, success: true }),
  telemetryBatch("ingestReasoningTraces", "/api/v1/reasoning-traces", "reasoning traces", reasoningTraceItemSchema, { sessionId: EXAMPLE_SESSION, timestamp: "2026-11-20T09:00:03.000Z", thinktoolName: "decompose", stepCount: 4, totalMs: 1200, stepTypes: ["plan", "check"] }),
  {
    id: "recordConsent",
    method: "POST",
    path: "/api/v1/consent",
    resource: "Telemetry",
    scope: "write",
    summary: "Record consent",
    description: "Up to 10,000 consent records, appended: a subject's latest record is their current consent, which every telemetry write checks.",
    request: { schema: consentItemSchema, batch: true, example: { items: [{ subjectId: EXAMPLE_SUBJECT, timestamp: "2026-11-20T08:59:00.000Z", localTelemetry: true, aggregatedSharing: false, communityContribution: false, consentVersion: "2026-11" }] } },
    response: { status: 201, description: "Every record was stored.", schema: responses.rowsWrittenResponse },
    errors: { 413: "More than 10,000 items." },
  },
  {
    id: "exportTrainingData",
    method: "GET",
    path: "/api/v1/export/training-data",
    resource: "Export",
    scope: "read",
    summary: "Export training data",
    description: "Training examples, one row per query and embedding model, streamed as CSV, JSON lines or Parquet (README: Training-data export).",
    query: [
      { name: "format", description: "csv, jsonl or parquet.", schema: { type: "string", enum: ["csv", "jsonl", "parquet"] } },
      { name: "days", description: "How many days back.", schema: { type: "integer", minimum: 1 } },
      { name: "model", description: "Embedding model.", schema: { type: "string" } },
      { name: "featureVersion", description: "Feature version.", schema: { type: "string" } },
      { name: "labelled", description: "Only labelled examples.", schema: { type: "boolean" } },
    ],
    response: { status: 200, description: "The rows, streamed in the chosen format.", schema: z.string() },
  },
  {
    id: "exportTrainingDataSnapshot",
    method: "GET",
    path: "/api/v1/export/training-data/snapshots/{id}",
    resource: "Export",
    scope: "read",
    summary: "Re-export a training-data snapshot",
    description:
      "The snapshot's filters exported again in its format: byte-identical to the saved export while the rows are unchanged. X-Content-SHA256 is this body's SHA-256, X-Snapshot-SHA256 the saved one, X-Snapshot-Unchanged whether they match.",
    response: { status: 200, description: "The rows, streamed in the snapshot's format.", schema: z.string() },
    errors: { 404: "There is no snapshot with this id." },
  },
  {
    id: "getOpenApiDocument",
    method: "GET",
    path: "/api/v1/openapi.json",
    resource: "Reference",
    scope: "read",
    summary: "This document",
    description: "The OpenAPI 3.1 document of the API, generated from the zod schemas the handlers validate with.",
    response: { status: 200, description: "The OpenAPI document.", schema: z.record(z.string(), z.unknown()) },
  },
];

/** The OpenAPI path template of a route file's directory: app/api/v1/runs/[id]/complete → /api/v1/runs/{id}/complete. */
export function pathOfRouteDirectory(directory: string): string {
  return "/" + directory.replace(/^app\//, "").replace(/\[([^\]]+)\]/g, "{$1}");
}
