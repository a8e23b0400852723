import { z } from "zod";

export const EXPORT_FORMATS = ["csv", "jsonl", "parquet"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The export's filters, shared by the API route, the download form on /features and snapshots. */
export const exportParamsSchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: "Choose csv, jsonl or parquet." }).default("csv"),
  days: z.coerce
    .number({ error: "Days must be a whole number." })
    .int("Days must be a whole number.")
    .min(1, "Days must be at least 1.")
    .max(3650, "Days can be at most 3650 (ten years).")
    .default(90),
  model: z.string().trim().min(1, "Embedding model cannot be empty.").max(200, "Embedding model is too long.").optional(),
  featureVersion: z.string().trim().min(1, "Feature version cannot be empty.").max(100, "Feature version is too long.").optional(),
  labelled: z
    .enum(["true", "false", "1", "0"], { error: "Labelled only must be true or false." })
    .transform((value) => value === "true" || value === "1")
    .default(false),
});

export type ExportParams = z.infer<typeof exportParamsSchema>;

export type ParsedExportParams =
  | { ok: true; params: ExportParams }
  | { ok: false; message: string; fieldErrors: Record<string, string[]> };

const KNOWN = new Set(["format", "days", "model", "featureVersion", "labelled"]);

/** Parses the query string; an unknown parameter is refused too, so a typo never silently widens an export. */
export function parseExportParams(search: URLSearchParams): ParsedExportParams {
  const raw: Record<string, string> = {};
  const fieldErrors: Record<string, string[]> = {};
  for (const [key, value] of search) {
    if (!KNOWN.has(key)) fieldErrors[key] = [`Unknown parameter "${key}"; use format, days, model, featureVersion or labelled.`];
    else if (key in raw) fieldErrors[key] = [`Give ${key} once.`];
    // An empty field of the download form means "no filter".
    else if (value.trim() !== "") raw[key] = value;
  }
  const parsed = exportParamsSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "query");
      (fieldErrors[key] ??= []).push(issue.message);
    }
  }
  if (!parsed.success || Object.keys(fieldErrors).length > 0) {
    return { ok: false, message: "The export was not made: fix the parameters below.", fieldErrors };
  }
  return { ok: true, params: parsed.data };
}

/** The first instant the export includes: `days` before `now`. */
export function exportSince(days: number, now: Date = new Date()): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}
