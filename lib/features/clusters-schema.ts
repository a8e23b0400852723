import { z } from "zod";

export const MIN_CLUSTERS = 2;
export const MAX_CLUSTERS = 20;

/** The recompute form's input, shared by the form and the server action. */
export const recomputeClustersSchema = z.object({
  k: z.coerce
    .number({ error: "Enter the number of clusters." })
    .int("The number of clusters must be a whole number.")
    .min(MIN_CLUSTERS, `Choose at least ${MIN_CLUSTERS} clusters.`)
    .max(MAX_CLUSTERS, `Choose at most ${MAX_CLUSTERS} clusters.`),
});

export type RecomputeClustersState = { ok: boolean; message: string; fieldErrors: { k?: string[] }; values: { k: string } } | null;

export function parseRecomputeClusters(formData: FormData) {
  const raw = String(formData.get("k") ?? "").trim();
  const parsed = recomputeClustersSchema.safeParse({ k: raw === "" ? undefined : raw });
  if (parsed.success) return { ok: true as const, data: parsed.data, raw };
  return { ok: false as const, raw, fieldErrors: { k: parsed.error.issues.map((issue) => issue.message) } };
}
