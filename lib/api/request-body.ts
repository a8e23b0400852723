import { apiError } from "./v1-handler";

/** The largest request body the API reads: a 10,000-item batch of feature vectors with 1,024-dim embeddings fits. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export type JsonBody = { ok: true; text: string; value: unknown } | { ok: false; response: Response };

/** Reads a request's body as JSON, refusing one that is too large (413) or not JSON (400). */
export async function readJsonBody(request: Request, maxBytes: number = MAX_BODY_BYTES): Promise<JsonBody> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return { ok: false, response: tooLarge(maxBytes) };
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) return { ok: false, response: tooLarge(maxBytes) };
  try {
    return { ok: true, text, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, response: apiError(400, `The body must be JSON: ${(error as Error).message}. Nothing was written.`) };
  }
}

function tooLarge(maxBytes: number): Response {
  return apiError(413, `The body is larger than ${(maxBytes / 1024 / 1024).toLocaleString("en-US")} MB; send smaller batches. Nothing was written.`);
}
