import { PII_CATEGORIES, type PiiCategory, type RedactionType } from "@/lib/privacy/scrub-pii";

/** The fixed vocabulary of the demo data: profiles, tools, ThinkTools, errors, releases, redaction patterns. */

export const QUERY_TYPES = ["search", "reason", "code", "general"] as const;
export type QueryType = (typeof QUERY_TYPES)[number];

export const PROFILES = ["quick", "balanced", "deep", "paranoid"] as const;
export type Profile = (typeof PROFILES)[number];

/** Most people use balanced. */
export const PROFILE_WEIGHTS: readonly (readonly [Profile, number])[] = [
  ["quick", 0.2],
  ["balanced", 0.55],
  ["deep", 0.18],
  ["paranoid", 0.07],
];

/** Latency and effort per profile: multiplier on model time, on tool calls, and a quality bonus. */
export const PROFILE_EFFECTS: Readonly<Record<Profile, { latency: number; tools: number; quality: number }>> = {
  quick: { latency: 0.45, tools: 0.5, quality: -0.06 },
  balanced: { latency: 1, tools: 1, quality: 0 },
  deep: { latency: 2.4, tools: 1.6, quality: 0.05 },
  paranoid: { latency: 3.2, tools: 1.9, quality: 0.07 },
};

/** Model time (ms, median) and log-sd, plus mean tool calls, per query type. */
export const QUERY_TYPE_EFFECTS: Readonly<Record<QueryType, { medianMs: number; sigma: number; meanTools: number }>> = {
  search: { medianMs: 1100, sigma: 0.45, meanTools: 2.2 },
  reason: { medianMs: 2600, sigma: 0.55, meanTools: 1.1 },
  code: { medianMs: 2100, sigma: 0.5, meanTools: 2.4 },
  general: { medianMs: 850, sigma: 0.45, meanTools: 0.6 },
};

export const TOOL_CATEGORIES = ["search", "file", "shell", "mcp", "reasoning"] as const;
export type ToolCategory = (typeof TOOL_CATEGORIES)[number];

export type ToolSpec = {
  name: string;
  category: ToolCategory;
  medianMs: number;
  sigma: number;
  /** Median input and output sizes in bytes. */
  inputBytes: number;
  outputBytes: number;
  failureRate: number;
  errorTypes: readonly string[];
  /** The ThinkTool that a reasoning tool runs (one reasoning trace per invocation). */
  thinktool?: ThinkToolName;
};

export const TOOLS: Readonly<Record<string, ToolSpec>> = {
  web_search: { name: "web_search", category: "search", medianMs: 780, sigma: 0.5, inputBytes: 90, outputBytes: 6_000, failureRate: 0.02, errorTypes: ["timeout", "rate_limited"] },
  web_fetch: { name: "web_fetch", category: "search", medianMs: 1_150, sigma: 0.6, inputBytes: 120, outputBytes: 42_000, failureRate: 0.04, errorTypes: ["timeout", "http_404", "http_503"] },
  code_search: { name: "code_search", category: "search", medianMs: 260, sigma: 0.5, inputBytes: 70, outputBytes: 3_500, failureRate: 0.01, errorTypes: ["timeout"] },
  file_read: { name: "file_read", category: "file", medianMs: 14, sigma: 0.7, inputBytes: 60, outputBytes: 9_000, failureRate: 0.02, errorTypes: ["not_found", "permission_denied"] },
  file_write: { name: "file_write", category: "file", medianMs: 22, sigma: 0.6, inputBytes: 4_000, outputBytes: 40, failureRate: 0.015, errorTypes: ["permission_denied", "disk_full"] },
  file_glob: { name: "file_glob", category: "file", medianMs: 35, sigma: 0.6, inputBytes: 30, outputBytes: 1_200, failureRate: 0.005, errorTypes: ["invalid_pattern"] },
  shell_exec: { name: "shell_exec", category: "shell", medianMs: 1_400, sigma: 0.9, inputBytes: 80, outputBytes: 2_500, failureRate: 0.06, errorTypes: ["nonzero_exit", "timeout", "permission_denied"] },
  test_runner: { name: "test_runner", category: "shell", medianMs: 7_500, sigma: 0.6, inputBytes: 50, outputBytes: 12_000, failureRate: 0.08, errorTypes: ["nonzero_exit", "timeout"] },
  mcp_github: { name: "mcp_github", category: "mcp", medianMs: 620, sigma: 0.5, inputBytes: 150, outputBytes: 8_000, failureRate: 0.03, errorTypes: ["rate_limited", "unauthorized", "timeout"] },
  mcp_linear: { name: "mcp_linear", category: "mcp", medianMs: 480, sigma: 0.5, inputBytes: 120, outputBytes: 3_000, failureRate: 0.02, errorTypes: ["unauthorized", "timeout"] },
  mcp_postgres: { name: "mcp_postgres", category: "mcp", medianMs: 95, sigma: 0.8, inputBytes: 200, outputBytes: 5_000, failureRate: 0.03, errorTypes: ["syntax_error", "timeout"] },
  gigathink: { name: "gigathink", category: "reasoning", medianMs: 3_800, sigma: 0.4, inputBytes: 600, outputBytes: 5_000, failureRate: 0.01, errorTypes: ["context_overflow"], thinktool: "GigaThink" },
  laserlogic: { name: "laserlogic", category: "reasoning", medianMs: 2_400, sigma: 0.4, inputBytes: 500, outputBytes: 3_000, failureRate: 0.01, errorTypes: ["context_overflow"], thinktool: "LaserLogic" },
};

/** Which tools each query type reaches for, and how often. */
export const TOOL_WEIGHTS_BY_TYPE: Readonly<Record<QueryType, readonly (readonly [string, number])[]>> = {
  search: [["web_search", 0.45], ["web_fetch", 0.25], ["code_search", 0.05], ["file_read", 0.08], ["mcp_github", 0.07], ["mcp_linear", 0.04], ["gigathink", 0.06]],
  reason: [["gigathink", 0.3], ["laserlogic", 0.22], ["web_search", 0.2], ["file_read", 0.14], ["mcp_postgres", 0.06], ["web_fetch", 0.08]],
  code: [["file_read", 0.28], ["code_search", 0.14], ["file_write", 0.12], ["shell_exec", 0.18], ["test_runner", 0.07], ["file_glob", 0.07], ["mcp_github", 0.1], ["laserlogic", 0.04]],
  general: [["web_search", 0.4], ["file_read", 0.25], ["mcp_linear", 0.1], ["web_fetch", 0.15], ["gigathink", 0.1]],
};

export const THINKTOOLS = ["GigaThink", "LaserLogic", "BedRock", "ProofGuard", "BrutalHonesty"] as const;
export type ThinkToolName = (typeof THINKTOOLS)[number];

/** Step vocabulary of each ThinkTool: an opening step, middle steps, a closing step. */
export const THINKTOOL_STEPS: Readonly<Record<ThinkToolName, { first: string; middle: readonly string[]; last: string; medianSteps: number }>> = {
  GigaThink: { first: "frame", middle: ["diverge", "perspective", "analogy", "expand"], last: "synthesize", medianSteps: 8 },
  LaserLogic: { first: "premises", middle: ["inference", "fallacy_check", "counterexample"], last: "conclusion", medianSteps: 6 },
  BedRock: { first: "decompose", middle: ["first_principle", "assumption_check", "rebuild"], last: "synthesize", medianSteps: 5 },
  ProofGuard: { first: "claims", middle: ["source_check", "triangulate", "confidence"], last: "verdict", medianSteps: 5 },
  BrutalHonesty: { first: "steelman", middle: ["critique", "weakness", "counterpoint"], last: "verdict", medianSteps: 4 },
};

/** Error categories of failed queries; the base mix, before incidents. */
export const ERROR_CATEGORIES: readonly (readonly [string, number])[] = [
  ["timeout", 0.3],
  ["tool_failure", 0.25],
  ["model_error", 0.15],
  ["rate_limited", 0.12],
  ["context_overflow", 0.1],
  ["network", 0.08],
];

export const OS_FAMILIES: readonly (readonly [string, number])[] = [
  ["linux", 0.46],
  ["macos", 0.39],
  ["windows", 0.15],
];

/** Client releases, by days before the anchor; people upgrade some days after each release. */
export const CLIENT_RELEASES: readonly { version: string; daysAgo: number }[] = [
  { version: "0.8.2", daysAgo: 260 },
  { version: "0.9.0", daysAgo: 104 },
  { version: "0.9.1", daysAgo: 78 },
  { version: "0.9.2", daysAgo: 52 },
  { version: "0.9.3", daysAgo: 27 },
  { version: "0.10.0", daysAgo: 6 },
];

/**
 * Redactions as the scrubber logs them: its own category names, of the kind it gives them (PII_CATEGORIES), so the
 * demo's redaction log reads like one the dashboard wrote. Only the pattern's name is ever logged, never the match.
 */
const redaction = (pattern: PiiCategory) => ({ type: PII_CATEGORIES[pattern], pattern });
export const REDACTION_PATTERNS: readonly (readonly [{ type: RedactionType; pattern: PiiCategory }, number])[] = [
  [redaction("email"), 0.26],
  [redaction("phone"), 0.1],
  [redaction("ipv4"), 0.1],
  [redaction("credit_card"), 0.03],
  [redaction("us_ssn"), 0.02],
  [redaction("home_path"), 0.2],
  [redaction("secret"), 0.1],
  [redaction("aws_access_key"), 0.05],
  [redaction("jwt"), 0.06],
  [redaction("url_credentials"), 0.04],
  [redaction("github_token"), 0.04],
];

export const FEEDBACK_CATEGORIES_NEGATIVE: readonly (readonly [string, number])[] = [
  ["accuracy", 0.4],
  ["relevance", 0.3],
  ["format", 0.12],
  ["other", 0.18],
];

export const FEEDBACK_CATEGORIES_POSITIVE: readonly (readonly [string, number])[] = [
  ["accuracy", 0.35],
  ["relevance", 0.35],
  ["format", 0.1],
  ["other", 0.2],
];

export const EMBEDDING_MODEL = "minilm-l6-v2";
export const EMBEDDING_DIM = 384;
