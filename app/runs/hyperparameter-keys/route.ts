import { hyperparameterKeys } from "@/lib/runs/hyperparameter-keys";

/** GET /runs/hyperparameter-keys: the keys the column picker and filter builder offer, read when first opened. */
export async function GET(): Promise<Response> {
  const keys = await hyperparameterKeys();
  return Response.json({ keys }, { headers: { "Cache-Control": "private, max-age=60" } });
}
