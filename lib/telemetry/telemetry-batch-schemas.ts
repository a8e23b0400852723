/**
 * What the telemetry batch endpoints accept (POST /api/v1/{queries,feedback,tool-usage,reasoning-traces,consent}),
 * one item each, mirroring the CHECKs of the v1 telemetry tables. Raw query text is accepted only to be hashed
 * and measured; it is never stored.
 */
import { z } from "zod";
import { count, fraction, freeText, hexHash, isoTimestamp, optionalId, reference } from "@/lib/api/fields";

const PROFILES = ["quick", "balanced", "deep", "paranoid", "decide", "scientific", "powercombo"] as const;
const optionalQuery = reference("query").nullable().optional();
const at = isoTimestamp.describe("When it happened (UTC).");

export const queryItemSchema = z.object({
  id: optionalId,
  sessionId: reference("session"),
  timestamp: at,
  text: z.string().min(1, "A query needs its text (it is hashed, never stored).").max(100_000).describe("The query text: hashed (HMAC) and measured, never stored."),
  queryType: z.enum(["search", "reason", "code", "general"]).nullable().optional(),
  latencyMs: count("The latency"),
  resultCount: count("The result count").nullable().optional(),
  resultQualityScore: fraction("The result quality score").nullable().optional(),
  profileUsed: z.enum(PROFILES).nullable().optional(),
  errorCategory: freeText("The error category", 200).nullable().optional().describe("Set when the query failed; scrubbed for personal data."),
  toolsUsed: z.array(z.string().max(200)).max(100).default([]),
});

export const feedbackItemSchema = z
  .object({
    id: optionalId,
    sessionId: reference("session"),
    queryId: optionalQuery,
    timestamp: at,
    feedbackType: z.enum(["thumbs_up", "thumbs_down", "explicit", "implicit"]),
    rating: z.int().min(1, "A rating is 1 to 5.").max(5, "A rating is 1 to 5.").nullable().optional().describe("1 to 5, explicit feedback only."),
    category: z.enum(["accuracy", "relevance", "speed", "format", "other"]).nullable().optional(),
    contextHash: hexHash("The context hash").nullable().optional(),
  })
  .refine((item) => item.rating === null || item.rating === undefined || item.feedbackType === "explicit", {
    path: ["rating"],
    message: "Only explicit feedback carries a rating.",
  });

export const toolUsageItemSchema = z.object({
  id: optionalId,
  sessionId: reference("session"),
  queryId: optionalQuery,
  timestamp: at,
  toolName: z.string().trim().min(1, "Name the tool.").max(200),
  toolCategory: z.enum(["search", "file", "shell", "mcp", "reasoning"]).nullable().optional(),
  executionMs: count("The execution time"),
  success: z.boolean({ error: "success must be true or false." }),
  errorType: freeText("The error type", 200).nullable().optional(),
  inputSizeBytes: count("The input size").nullable().optional(),
  outputSizeBytes: count("The output size").nullable().optional(),
});

export const reasoningTraceItemSchema = z.object({
  id: optionalId,
  sessionId: reference("session"),
  queryId: optionalQuery,
  timestamp: at,
  thinktoolName: z.string().trim().min(1, "Name the ThinkTool.").max(200),
  stepCount: count("The step count"),
  totalMs: count("The total time"),
  avgStepMs: z.number().min(0, "The average step time cannot be negative.").nullable().optional(),
  coherenceScore: fraction("The coherence score").nullable().optional(),
  depthScore: fraction("The depth score").nullable().optional(),
  stepTypes: z.array(z.string().max(100)).max(1_000).default([]),
});

export const consentItemSchema = z.object({
  id: optionalId,
  subjectId: hexHash("subjectId").describe("The subject's HMAC, as in sessions.subject_id."),
  timestamp: at,
  localTelemetry: z.boolean(),
  aggregatedSharing: z.boolean(),
  communityContribution: z.boolean(),
  consentVersion: z.string().trim().min(1, "Give the consent text's version.").max(50),
  ipHash: hexHash("The IP hash").nullable().optional(),
});

export type QueryItem = z.output<typeof queryItemSchema>;
export type FeedbackItem = z.output<typeof feedbackItemSchema>;
export type ToolUsageItem = z.output<typeof toolUsageItemSchema>;
export type ReasoningTraceItem = z.output<typeof reasoningTraceItemSchema>;
export type ConsentItem = z.output<typeof consentItemSchema>;
