"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorize } from "@/lib/auth/guard";
import { parseRecomputeClusters, type RecomputeClustersState } from "@/lib/features/clusters-schema";
import { recomputeClusters } from "@/lib/features/recompute-clusters";

/** Recomputes the query clusters for the chosen k and shows the new result. */
export async function recomputeClustersAction(_previous: RecomputeClustersState, formData: FormData): Promise<RecomputeClustersState> {
  const access = await authorize("editor");
  if (!access.ok) return { ok: false, message: access.message, fieldErrors: {}, values: { k: String(formData.get("k") ?? "") } };
  const parsed = parseRecomputeClusters(formData);
  if (!parsed.ok) return { ok: false, message: "Fix the number of clusters.", fieldErrors: parsed.fieldErrors, values: { k: parsed.raw } };
  const result = recomputeClusters(parsed.data.k);
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: {}, values: { k: parsed.raw } };
  revalidatePath("/features/clusters");
  redirect(`/features/clusters?computed=${result.id}`);
}
