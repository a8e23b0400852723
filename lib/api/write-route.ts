import "server-only";
import type Database from "better-sqlite3";
import type { PrismaClient } from "@/lib/db/client";
import { DATABASE_BUSY_MESSAGE, retryOnWriteConflict } from "@/lib/db/write-errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { z } from "zod";
import { batchRefusalBody, parseBatch, type BatchRefusal } from "./batch";
import {
  callerKeySpace,
  compareStored,
  findStored,
  findStoredSync,
  idempotencyKeyOf,
  isKeyConflict,
  REPLAYED_HEADER,
  sha256Hex,
  storeResponse,
  storeResponseSync,
  type IdempotencyRequest,
  type StoredLookup,
} from "./idempotency";
import { readJsonBody } from "./request-body";
import { apiError, type ApiCaller } from "./v1-handler";

/**
 * The shape of every /api/v1 write: read the JSON body, honour Idempotency-Key, run the write in one
 * transaction that also stores the response under the key, and answer JSON. A write that answers anything but
 * 2xx is rolled back, so a refused request writes nothing (and stores no key: the retry is checked afresh).
 */
export type ApiOutcome = { status: number; body: unknown };

export type WriteRequest = { request: Request; caller: ApiCaller | null; route: string };

export type Tx = Prisma.TransactionClient;

const HEADERS = { "Cache-Control": "no-store" };

export function outcomeResponse(outcome: ApiOutcome, replayed = false): Response {
  return Response.json(outcome.body, { status: outcome.status, headers: replayed ? { ...HEADERS, [REPLAYED_HEADER]: "true" } : HEADERS });
}

function replayedResponse(status: number, body: string): Response {
  return new Response(body, { status, headers: { ...HEADERS, "Content-Type": "application/json", [REPLAYED_HEADER]: "true" } });
}

const ok = (status: number) => status >= 200 && status < 300;

/** Thrown out of a transaction to roll it back and answer the outcome. */
class Refused extends Error {
  constructor(readonly outcome: ApiOutcome) {
    super("refused");
  }
}

type Prepared = { ok: true; body: unknown; idempotency: IdempotencyRequest | null } | { ok: false; response: Response };

async function prepare({ request, caller, route }: WriteRequest): Promise<Prepared> {
  const key = idempotencyKeyOf(request.headers);
  if (!key.ok) return { ok: false, response: apiError(400, key.message) };
  const body = await readJsonBody(request);
  if (!body.ok) return body;
  const idempotency = key.key === null ? null : { key: key.key, callerId: callerKeySpace(caller), route, requestHash: sha256Hex(body.text) };
  return { ok: true, body: body.value, idempotency };
}

function answerStored(lookup: StoredLookup): Response | null {
  if (lookup.kind === "replay") return replayedResponse(lookup.status, lookup.body);
  if (lookup.kind === "mismatch") return apiError(422, lookup.message);
  return null;
}

const busy = (): ApiOutcome => ({ status: 503, body: { error: DATABASE_BUSY_MESSAGE } });

/** What `parse` makes of the JSON body: the input to write, or the answer when it is refused. */
export type Parsed<Input> = { ok: true; input: Input } | { ok: false; outcome: ApiOutcome };

/**
 * A write through Prisma: `parse` validates the JSON body (before any transaction is opened), `write` gets the
 * open transaction and the parsed input.
 */
export async function prismaWrite<Input>(
  context: WriteRequest,
  client: PrismaClient,
  parse: (body: unknown) => Parsed<Input>,
  write: (tx: Tx, input: Input) => Promise<ApiOutcome>,
): Promise<Response> {
  const prepared = await prepare(context);
  if (!prepared.ok) return prepared.response;
  const { idempotency } = prepared;
  if (idempotency) {
    const stored = answerStored(compareStored(idempotency, await findStored(client, idempotency)));
    if (stored) return stored;
  }
  const parsed = parse(prepared.body);
  if (!parsed.ok) return outcomeResponse(parsed.outcome);
  const input = parsed.input;
  try {
    const outcome = await retryOnWriteConflict(
      () =>
        client.$transaction(
          async (tx) => {
            const outcome = await write(tx, input);
            if (!ok(outcome.status)) throw new Refused(outcome);
            if (idempotency) await storeResponse(tx, idempotency, outcome.status, JSON.stringify(outcome.body));
            return outcome;
          },
          { timeout: 120_000, maxWait: 30_000 },
        ),
      busy,
    );
    return outcomeResponse(outcome);
  } catch (error) {
    if (error instanceof Refused) return outcomeResponse(error.outcome);
    if (idempotency && isKeyConflict(error)) {
      const stored = answerStored(compareStored(idempotency, await findStored(client, idempotency)));
      if (stored) return stored;
    }
    throw error;
  }
}

const isBusy = (error: unknown) => String((error as { code?: unknown } | null)?.code ?? "").startsWith("SQLITE_BUSY");

/**
 * A write on a raw better-sqlite3 connection, for bulk inserts Prisma makes slow: `write` runs synchronously
 * inside one IMMEDIATE transaction (taking the write lock up front, so its checks and inserts see one state).
 */
export async function sqliteWrite<Input>(
  context: WriteRequest,
  sqlite: Database.Database,
  parse: (body: unknown) => Parsed<Input>,
  write: (sqlite: Database.Database, input: Input) => ApiOutcome,
): Promise<Response> {
  const prepared = await prepare(context);
  if (!prepared.ok) return prepared.response;
  const { idempotency } = prepared;
  if (idempotency) {
    const stored = answerStored(compareStored(idempotency, findStoredSync(sqlite, idempotency)));
    if (stored) return stored;
  }
  const parsed = parse(prepared.body);
  if (!parsed.ok) return outcomeResponse(parsed.outcome);
  const input = parsed.input;
  try {
    const outcome = sqlite
      .transaction(() => {
        const outcome = write(sqlite, input);
        if (!ok(outcome.status)) throw new Refused(outcome);
        if (idempotency) storeResponseSync(sqlite, idempotency, outcome.status, JSON.stringify(outcome.body));
        return outcome;
      })
      .immediate();
    return outcomeResponse(outcome);
  } catch (error) {
    if (error instanceof Refused) return outcomeResponse(error.outcome);
    if (isBusy(error)) return outcomeResponse(busy());
    if (idempotency && isKeyConflict(error)) {
      const stored = answerStored(compareStored(idempotency, findStoredSync(sqlite, idempotency)));
      if (stored) return stored;
    }
    throw error;
  }
}

/** A refused batch as the API answers it. */
export function refusalOutcome(refusal: BatchRefusal): ApiOutcome {
  return { status: refusal.status, body: batchRefusalBody(refusal) };
}

/** Parses a `{ items: [...] }` body with the item schema. */
export function batchParser<Schema extends z.ZodType>(itemSchema: Schema) {
  return (body: unknown): Parsed<z.output<Schema>[]> => {
    const batch = parseBatch(body, itemSchema);
    return batch.ok ? { ok: true, input: batch.items } : { ok: false, outcome: refusalOutcome(batch) };
  };
}

/** Parses a single-object body with a schema, answering 400 with each field's errors. */
export function objectParser<Schema extends z.ZodType>(schema: Schema, what: string) {
  return (body: unknown): Parsed<z.output<Schema>> => {
    const result = schema.safeParse(body);
    if (result.success) return { ok: true, input: result.data };
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of result.error.issues) (fieldErrors[issue.path.join(".") || "body"] ??= []).push(issue.message);
    const count = Object.keys(fieldErrors).length;
    const error = `The ${what} was not saved: ${count === 1 ? "one field needs" : `${count} fields need`} attention. Nothing was written.`;
    return { ok: false, outcome: { status: 400, body: { error, fieldErrors } } };
  };
}
