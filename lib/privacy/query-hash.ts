import { createHmac } from "node:crypto";

/**
 * Query hashing. v1 hashed the text after PII scrubbing had replaced it with a placeholder, so every stored hash
 * was the same (defect 1); and a plain hash of common queries can be reversed with a dictionary. Here the hash
 * is an HMAC-SHA-256 of the normalised text itself, under a secret key kept outside the database
 * (lib/privacy/secret-key.ts). Equal queries still get equal hashes, which is what clustering and "popular
 * queries" need.
 */

/**
 * The canonical form of a query before hashing: Unicode NFKC (so full-width letters and ligatures match their
 * plain forms), lower case, every run of whitespace collapsed to one space, and trimmed.
 */
export function normalizeQueryText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Lower-case hex HMAC-SHA-256 of a UTF-8 message (64 characters). */
export function hmacSha256Hex(message: string, key: Uint8Array): string {
  return createHmac("sha256", key).update(message, "utf8").digest("hex");
}

/** The query_hash of a query: HMAC-SHA-256 of its normalised text. */
export function hashQueryText(text: string, key: Uint8Array): string {
  return hmacSha256Hex(normalizeQueryText(text), key);
}
