/**
 * The hand-written half of the TypeScript client: one JSON request with the API key, an Idempotency-Key on
 * every write (kept across retries of connection errors and 5xx answers), and RallApiError for refusals.
 * rall-client.ts, generated from the OpenAPI document, calls it for each operation.
 */
export type RallClientOptions = {
  /** The dashboard's base URL, e.g. https://rall.example.com. */
  baseUrl: string;
  /** An API key, sent as `Authorization: Bearer <key>`. */
  apiKey?: string;
  /** Another fetch (tests, proxies); the global one by default. */
  fetch?: (input: Request) => Promise<Response>;
  /** Retries of connection errors and 5xx answers (default 3). */
  retries?: number;
};

export type WriteOptions = { idempotencyKey?: string };

/** A refusal: the status and the body, whose `items` name each bad item of a batch by index. */
export class RallApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error?: string; fieldErrors?: Record<string, string[]>; items?: { index: number; fieldErrors: Record<string, string[]> }[]; itemErrorCount?: number },
  ) {
    super(`${status}: ${body.error ?? "request failed"}`);
  }
}

const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

export type Call = { method: "GET" | "POST" | "PATCH"; path: string; query?: Record<string, string | number | boolean | undefined>; body?: unknown; idempotencyKey?: string; text?: boolean };

export async function send<T>(options: RallClientOptions, call: Call): Promise<T> {
  const url = new URL(call.path, options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`);
  for (const [name, value] of Object.entries(call.query ?? {})) if (value !== undefined) url.searchParams.set(name, String(value));
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.apiKey) headers.Authorization = `Bearer ${options.apiKey}`;
  if (call.body !== undefined) headers["Content-Type"] = "application/json";
  if (call.method !== "GET") headers["Idempotency-Key"] = call.idempotencyKey ?? crypto.randomUUID();
  const doFetch = options.fetch ?? ((request: Request) => fetch(request));
  const retries = options.retries ?? 3;
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await doFetch(new Request(url, { method: call.method, headers, body: call.body === undefined ? undefined : JSON.stringify(call.body) }));
    } catch (error) {
      if (attempt >= retries) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
      continue;
    }
    if (response.ok) return (call.text ? await response.text() : await response.json()) as T;
    if (RETRY_STATUSES.has(response.status) && attempt < retries) {
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
      continue;
    }
    const body = (await response.json().catch(() => ({}))) as RallApiError["body"];
    throw new RallApiError(response.status, body);
  }
}
