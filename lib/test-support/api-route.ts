import { NextRequest } from "next/server";
import { createTempDatabase, type TempDatabase } from "./temp-db";

/**
 * Route handlers read the app's database (lib/db.ts, lib/features/bulk-connection.ts) from DATABASE_URL, opened
 * once per process; Vitest runs each test file in its own process. Call this before importing any route module.
 */
export function apiTestDatabase(): TempDatabase {
  const temp = createTempDatabase();
  process.env.DATABASE_URL = temp.url;
  return temp;
}

type Handler<Params> = (request: NextRequest, context: { params: Promise<Params> }) => Response | Promise<Response>;

/** `anonymous`: send no API key (by default each call carries an admin key made once in the test database). */
export type CallOptions<Params> = { body?: unknown; rawBody?: string; headers?: Record<string, string>; params?: Params; anonymous?: boolean };

let adminKey: Promise<string> | undefined;

/** An admin API key in the test database, made on first use (lib/db is imported late: DATABASE_URL is set first). */
export function testApiKey(): Promise<string> {
  adminKey ??= (async () => {
    const [{ db }, { createApiKey }] = await Promise.all([import("@/lib/db"), import("@/lib/auth/api-keys")]);
    return (await createApiKey(db, { name: "route tests", scope: "admin", createdBy: null })).key;
  })();
  return adminKey;
}

/** Calls a route handler function as Next.js would, with a real Request. */
export async function callRoute<Params>(handler: Handler<Params>, method: string, path: string, options: CallOptions<Params> = {}) {
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const request = new NextRequest(`http://localhost${path}`, {
    method,
    body,
    headers: {
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...(options.anonymous ? {} : { Authorization: `Bearer ${await testApiKey()}` }),
      ...options.headers,
    },
  });
  const response = await handler(request, { params: Promise.resolve((options.params ?? {}) as Params) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text === "" ? null : (JSON.parse(text) as Record<string, unknown>) };
}
