/**
 * The API's response bodies as zod schemas: documented in the OpenAPI document and typed in the TypeScript
 * client. The handlers build these bodies from lib/ results; lib/api/openapi.test.ts checks real answers
 * against them.
 */
import { z } from "zod";

const ids = z.array(z.string()).describe("The ids of the written rows, in the order of the items.");
const redacted = z.array(z.string()).describe("Categories of personal data replaced by placeholders before storage.");
const counts = z.object({ samples: z.int(), successes: z.int() });

export const errorResponse = z
  .object({
    error: z.string().describe("What went wrong, in plain words; says that nothing was written."),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional().describe("Each bad field's messages."),
  });

export const batchErrorResponse = z
  .object({
    error: z.string(),
    items: z.array(z.object({ index: z.int().describe("Index in `items`."), fieldErrors: z.record(z.string(), z.array(z.string())) })).describe("The bad items, at most 100."),
    itemErrorCount: z.int().describe("How many items were bad in all."),
  });

export const runCreatedResponse = z.object({ id: z.string(), tags: z.array(z.string()), redacted });
export const runCompletedResponse = z.object({ id: z.string(), completedAt: z.string() });
export const runUpdatedResponse = z.object({ id: z.string(), notes: z.string().nullable(), tags: z.array(z.string()), redacted });
export const predictionsWrittenResponse = z.object({ written: z.int(), labelled: z.int().describe("Items that came with their actual value."), ids, redacted });
export const groundTruthResponse = z.object({ labelled: z.int(), correct: z.int(), relabelled: z.int(), redacted });
export const rowsWrittenResponse = z.object({ written: z.int(), ids, redacted });
export const abTestCreatedResponse = z.object({ id: z.string(), redacted });
export const abOutcomesResponse = z.object({ written: z.int(), ids, redacted, counts: z.object({ a: counts, b: counts }).describe("The test's counts after the outcomes.") });
export const abTestResponse = z.object({
  test: z.object({
    id: z.string(),
    name: z.string(),
    status: z.enum(["running", "closed"]),
    modelType: z.string(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    trafficSplit: z.number(),
    a: z.object({ runId: z.string(), modelVersion: z.string(), samples: z.int(), successes: z.int() }),
    b: z.object({ runId: z.string(), modelVersion: z.string(), samples: z.int(), successes: z.int() }),
    notes: z.string().nullable(),
    decision: z.object({ winner: z.enum(["A", "B", "tie"]), decidedBy: z.string(), decidedAt: z.string(), reason: z.string(), pValue: z.number().nullable(), confidence: z.number().nullable() }).nullable(),
  }),
  mdePoints: z.number(),
  analysis: z.record(z.string(), z.unknown()).describe("Fixed-horizon and sequential analysis, power toward the effect, guardrails (as on the test's page)."),
});
export const sessionIngestedResponse = z.object({ sessionId: z.string(), queries: z.int(), redactions: z.int() });
