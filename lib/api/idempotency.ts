import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ApiCaller } from "./v1-handler";

/**
 * Idempotency-Key: a client sends the same key with a retried request, and the request is written at most once.
 * The first successful (2xx) response is stored with the key, the caller, the route and the SHA-256 of the body,
 * in the same transaction as the write; a retry with the same key and body gets that response again
 * (Idempotent-Replayed: true) without writing, and the key sent with a different body or route is refused.
 * The unique index on (caller, key) makes a concurrent retry's transaction fail and roll back, and it is then
 * answered from the stored row. Keys are kept for 24 hours; expired rows are deleted by the next keyed write.
 */
export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const REPLAYED_HEADER = "Idempotent-Replayed";
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
export const MAX_KEY_LENGTH = 255;

export type IdempotencyRequest = { key: string; callerId: string; route: string; requestHash: string };

export type StoredResponse = { route: string; requestHash: string; status: number; body: string };

export type StoredLookup = { kind: "replay"; status: number; body: string } | { kind: "mismatch"; message: string } | { kind: "none" };

/** Whose keys these are: each API key or user has its own key space ('anonymous' while the API is open). */
/**
 * Whose keys a stored answer belongs to: `key/<id>` or `user/<id>`. Not `api-key:<id>`, which reads as a
 * labelled secret to the PII scrubber and audit.
 */
export function callerKeySpace(caller: ApiCaller | null): string {
  if (!caller) return "anonymous";
  return `${caller.kind === "api-key" ? "key" : "user"}/${caller.id}`;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Reads the header; null without one, an error message when it is blank, too long or not printable ASCII. */
export function idempotencyKeyOf(headers: Headers): { ok: true; key: string | null } | { ok: false; message: string } {
  const raw = headers.get(IDEMPOTENCY_HEADER);
  if (raw === null) return { ok: true, key: null };
  const key = raw.trim();
  if (key === "" || key.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    return { ok: false, message: `The ${IDEMPOTENCY_HEADER} header must be 1 to ${MAX_KEY_LENGTH} printable characters without spaces, such as a UUID.` };
  }
  return { ok: true, key };
}

/** What a stored row means for a new request with the same caller and key. */
export function compareStored(request: IdempotencyRequest, stored: StoredResponse | null): StoredLookup {
  if (!stored) return { kind: "none" };
  if (stored.route !== request.route) {
    return { kind: "mismatch", message: `The ${IDEMPOTENCY_HEADER} "${request.key}" was already used for ${stored.route}; use a new key for a new request. Nothing was written.` };
  }
  if (stored.requestHash !== request.requestHash) {
    return { kind: "mismatch", message: `The ${IDEMPOTENCY_HEADER} "${request.key}" was already used with a different body; use a new key for a new request. Nothing was written.` };
  }
  return { kind: "replay", status: stored.status, body: stored.body };
}

const SELECT_STORED = `SELECT route, request_hash AS requestHash, response_status AS status, response_body AS body
  FROM api_idempotency_keys WHERE caller_id = ? AND idempotency_key = ? AND expires_at > ?`;
const DELETE_EXPIRED = "DELETE FROM api_idempotency_keys WHERE expires_at <= ?";
const INSERT_STORED = `INSERT INTO api_idempotency_keys
  (id, caller_id, idempotency_key, route, request_hash, response_status, response_body, created_at, expires_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

function insertParams(request: IdempotencyRequest, status: number, body: string, now: Date) {
  return [randomUUID(), request.callerId, request.key, request.route, request.requestHash, status, body, now.toISOString(), new Date(now.getTime() + IDEMPOTENCY_TTL_MS).toISOString()] as const;
}

type Sql = Pick<Prisma.TransactionClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

export async function findStored(client: Sql, request: IdempotencyRequest, now: Date = new Date()): Promise<StoredResponse | null> {
  const rows = await client.$queryRawUnsafe<{ route: string; requestHash: string; status: unknown; body: string }[]>(SELECT_STORED, request.callerId, request.key, now.toISOString());
  return rows[0] ? { ...rows[0], status: Number(rows[0].status) } : null;
}

/** Stores the response inside the write's transaction, after deleting expired keys. */
export async function storeResponse(tx: Sql, request: IdempotencyRequest, status: number, body: string, now: Date = new Date()): Promise<void> {
  await tx.$executeRawUnsafe(DELETE_EXPIRED, now.toISOString());
  await tx.$executeRawUnsafe(INSERT_STORED, ...insertParams(request, status, body, now));
}

/** The same two, on a raw better-sqlite3 connection (for writes made there, see lib/predictions/log-predictions.ts). */
export function findStoredSync(sqlite: Database.Database, request: IdempotencyRequest, now: Date = new Date()): StoredResponse | null {
  return (sqlite.prepare(SELECT_STORED).get(request.callerId, request.key, now.toISOString()) as StoredResponse | undefined) ?? null;
}

export function storeResponseSync(sqlite: Database.Database, request: IdempotencyRequest, status: number, body: string, now: Date = new Date()): void {
  sqlite.prepare(DELETE_EXPIRED).run(now.toISOString());
  sqlite.prepare(INSERT_STORED).run(...insertParams(request, status, body, now));
}

/** SQLITE_CONSTRAINT_UNIQUE from better-sqlite3 or Prisma (P2002): a concurrent request stored the key first. */
export function isKeyConflict(error: unknown): boolean {
  if (error === null || typeof error !== "object") return false;
  const code = (error as { code?: unknown }).code;
  if (code === "SQLITE_CONSTRAINT_UNIQUE" || code === "P2002") return true;
  // $executeRawUnsafe reports the driver error as P2010 with the SQLite message.
  return code === "P2010" && /UNIQUE constraint failed: api_idempotency_keys/.test(String((error as { message?: unknown }).message));
}
