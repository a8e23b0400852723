import { randomUUID } from "node:crypto";
import type { ApiScope } from "@/lib/api/v1-handler";
import type { PrismaClient } from "@/lib/db/client";
import { scrubPii } from "@/lib/privacy/scrub-pii";
import { isoNow } from "@/lib/time";
import { randomToken, sha256Hex } from "./tokens";

/** Every key starts with this, so a leaked key is recognisable (secret scanners, logs) and cannot be mistaken for a password. */
export const API_KEY_PREFIX = "rall_";
/** How much of a key is kept for display: the prefix and 7 characters, 42 bits, enough to tell keys apart. */
const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 7;
export const API_KEY_NAME_MAX = 100;
/** last_used_at is written at most once a minute per key: a busy client does not turn each request into a write. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiKeySummary = {
  id: string;
  name: string;
  prefix: string;
  scope: ApiScope;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type CreatedApiKey = { key: string; summary: ApiKeySummary };

export function apiKeyNameProblem(name: string): string | null {
  if (name.trim() === "") return "Name the key after what uses it, such as training-pipeline.";
  if (name.trim().length > API_KEY_NAME_MAX) return `A key's name must be at most ${API_KEY_NAME_MAX} characters.`;
  return null;
}

/** Creates a key and returns it in full, the only time it exists outside the caller's hands: only its SHA-256 is stored. */
export async function createApiKey(db: PrismaClient, input: { name: string; scope: ApiScope; createdBy: string | null }): Promise<CreatedApiKey> {
  const problem = apiKeyNameProblem(input.name);
  if (problem) throw new Error(problem);
  const key = `${API_KEY_PREFIX}${randomToken()}`;
  const row = await db.apiKey.create({
    data: {
      id: randomUUID(),
      name: scrubPii(input.name.trim()).text,
      keyPrefix: key.slice(0, DISPLAY_PREFIX_LENGTH),
      keyHash: sha256Hex(key),
      scope: input.scope,
      createdBy: input.createdBy,
      createdAt: isoNow(),
    },
    include: { creator: { select: { username: true } } },
  });
  return { key, summary: toSummary(row) };
}

type KeyRow = { id: string; name: string; keyPrefix: string; scope: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null; creator: { username: string } | null };
const toSummary = (row: KeyRow): ApiKeySummary => ({
  id: row.id,
  name: row.name,
  prefix: row.keyPrefix,
  scope: row.scope as ApiScope,
  createdBy: row.creator?.username ?? null,
  createdAt: row.createdAt,
  lastUsedAt: row.lastUsedAt,
  revokedAt: row.revokedAt,
});

/** Active keys first (newest first), then revoked ones. */
export async function listApiKeys(db: PrismaClient): Promise<ApiKeySummary[]> {
  const rows = await db.apiKey.findMany({ include: { creator: { select: { username: true } } }, orderBy: [{ createdAt: "desc" }] });
  return rows.map(toSummary).sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
}

/** Revokes a key at once; revoking a revoked key changes nothing. False when no such key exists. */
export async function revokeApiKey(db: PrismaClient, id: string): Promise<boolean> {
  await db.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: isoNow() } });
  return (await db.apiKey.count({ where: { id } })) === 1;
}

export type VerifiedApiKey = { id: string; name: string; scope: ApiScope };

/** The key a bearer token names, or null for an unknown or revoked one. Marks it used (at most once a minute). */
export async function verifyApiKey(db: PrismaClient, key: string, now: Date = new Date()): Promise<VerifiedApiKey | null> {
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) return null;
  const row = await db.apiKey.findUnique({ where: { keyHash: sha256Hex(key) }, select: { id: true, name: true, scope: true, lastUsedAt: true, revokedAt: true } });
  if (!row || row.revokedAt !== null) return null;
  if (row.lastUsedAt === null || now.getTime() - Date.parse(row.lastUsedAt) >= LAST_USED_RESOLUTION_MS) {
    await db.apiKey.updateMany({ where: { id: row.id }, data: { lastUsedAt: now.toISOString() } });
  }
  return { id: row.id, name: row.name, scope: row.scope as ApiScope };
}

/** The key of an `Authorization: Bearer <key>` header, or null. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match ? match[1]! : null;
}
