"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorize } from "@/lib/auth/guard";
import { withSnapshotConnection } from "@/lib/features/snapshot-download";
import { parseSaveSnapshot, snapshotValues, type SaveSnapshotState } from "@/lib/features/snapshot-schema";
import { saveSnapshot } from "@/lib/features/snapshots";

/** Saves the export form's filters as a training-data snapshot and opens it; a refused form keeps what was typed. */
export async function saveSnapshotAction(_previous: SaveSnapshotState, formData: FormData): Promise<SaveSnapshotState> {
  const values = snapshotValues(formData);
  const access = await authorize("editor");
  if (!access.ok) return { ok: false, message: access.message, fieldErrors: {}, values };
  const parsed = parseSaveSnapshot(formData);
  if (!parsed.ok) return { ok: false, message: parsed.message, fieldErrors: parsed.fieldErrors, values };
  const result = await withSnapshotConnection((sqlite) => saveSnapshot(parsed.data, { sqlite }));
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values };
  revalidatePath("/features/snapshots");
  redirect(`/features/snapshots/${result.id}?saved=1`);
}
