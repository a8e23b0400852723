import { apiV1 } from "@/lib/api/v1-handler";
import { hyperparameterKeys } from "@/lib/runs/hyperparameter-keys";

/** GET /runs/hyperparameter-keys: the keys the column picker and filter builder offer, read when first opened. */
export const GET = apiV1("read", async (): Promise<Response> => {
  const keys = await hyperparameterKeys();
  return Response.json({ keys }, { headers: { "Cache-Control": "private, max-age=60" } });
});
