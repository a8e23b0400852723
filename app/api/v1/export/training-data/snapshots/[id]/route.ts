import { apiError, apiV1 } from "@/lib/api/v1-handler";
import { snapshotDownloadResponse } from "@/lib/features/snapshot-download";
import { snapshotById } from "@/lib/features/snapshots";

/**
 * GET /api/v1/export/training-data/snapshots/{id}: the snapshot's filters re-exported in its format. The body
 * is byte-identical to the saved export while the rows are unchanged; X-Snapshot-Unchanged says whether it is
 * (X-Content-SHA256 is this body's SHA-256, X-Snapshot-SHA256 the saved one). 404 for an unknown snapshot.
 */
export const GET = apiV1<{ id: string }>("read", async (_request, { params }) => {
  const { id } = await params;
  const snapshot = await snapshotById(id);
  if (!snapshot) return apiError(404, `No training-data snapshot has the id "${id}".`);
  return snapshotDownloadResponse(snapshot);
});
