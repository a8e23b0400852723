import { z } from "zod";
import { isPredictionType, type PredictionType } from "./prediction-value";

/**
 * The predictions explorer's view, from and to its URL search params, shared by the page (server) and the
 * filter form, so a view is a link. Each malformed parameter is dropped with a message saying why.
 */
export const PREDICTION_STATUSES = ["correct", "wrong", "unlabelled", "labelled"] as const;
export type PredictionStatus = (typeof PREDICTION_STATUSES)[number];

export const EXPLORER_PAGE_SIZE = 50;

export type ExplorerView = {
  run: string | null;
  type: PredictionType | null;
  status: PredictionStatus | null;
  /** Confidence bounds, inclusive. */
  minConfidence: number | null;
  maxConfidence: number | null;
  /** UTC days 'YYYY-MM-DD', both inclusive. */
  from: string | null;
  to: string | null;
  page: number;
};

const confidence = z.coerce.number().min(0, "must be at least 0").max(1, "must be at most 1");
const day = z.iso.date("must be a date YYYY-MM-DD");
const page = z.coerce.number().int("must be a whole number").min(1, "must be 1 or more").max(1_000_000, "is too large");

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function first(params: Params, key: string): string | null {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === null || text.trim() === "" ? null : text.trim();
}

export function parseExplorerView(params: Params): { view: ExplorerView; issues: string[] } {
  const issues: string[] = [];
  const parse = <T>(key: string, label: string, schema: z.ZodType<T>): T | null => {
    const text = first(params, key);
    if (text === null) return null;
    const result = schema.safeParse(text);
    if (result.success) return result.data;
    issues.push(`${label} "${text}" ${result.error.issues[0]?.message ?? "is not valid"}; it was ignored.`);
    return null;
  };
  const typeText = first(params, "type");
  const type = typeText !== null && isPredictionType(typeText) ? typeText : null;
  if (typeText !== null && type === null) issues.push(`Prediction type "${typeText}" is not one of classification, routing, optimization; it was ignored.`);
  const statusText = first(params, "status");
  const status = statusText !== null && (PREDICTION_STATUSES as readonly string[]).includes(statusText) ? (statusText as PredictionStatus) : null;
  if (statusText !== null && status === null) issues.push(`Status "${statusText}" is not one of ${PREDICTION_STATUSES.join(", ")}; it was ignored.`);

  let minConfidence = parse("minConfidence", "Minimum confidence", confidence);
  let maxConfidence = parse("maxConfidence", "Maximum confidence", confidence);
  if (minConfidence !== null && maxConfidence !== null && minConfidence > maxConfidence) {
    issues.push(`The confidence range ${minConfidence}–${maxConfidence} is empty (minimum above maximum); it was ignored.`);
    minConfidence = maxConfidence = null;
  }
  let from = parse("from", "From", day);
  let to = parse("to", "To", day);
  if (from !== null && to !== null && from > to) {
    issues.push(`The dates ${from} to ${to} are in the wrong order; they were ignored.`);
    from = to = null;
  }
  return {
    view: { run: first(params, "run"), type, status, minConfidence, maxConfidence, from, to, page: parse("page", "Page", page) ?? 1 },
    issues,
  };
}

/** The query string of a view, leaving out defaults; `page` 1 is left out too. */
export function explorerQuery(view: ExplorerView, changes: Partial<ExplorerView> = {}): string {
  const next = { ...view, ...changes };
  const params = new URLSearchParams();
  if (next.run) params.set("run", next.run);
  if (next.type) params.set("type", next.type);
  if (next.status) params.set("status", next.status);
  if (next.minConfidence !== null) params.set("minConfidence", String(next.minConfidence));
  if (next.maxConfidence !== null) params.set("maxConfidence", String(next.maxConfidence));
  if (next.from) params.set("from", next.from);
  if (next.to) params.set("to", next.to);
  if (next.page > 1) params.set("page", String(next.page));
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}
