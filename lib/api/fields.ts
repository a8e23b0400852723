/**
 * Field schemas the API's JSON bodies share (the domain schemas in lib/<domain>/ build on them), each mirroring
 * a CHECK of the migration so bad input is a field error, not a constraint failure.
 */
import { z } from "zod";

/** The database's one timestamp spelling, 'YYYY-MM-DDTHH:MM:SS.SSSZ' (a CHECK on every timestamp column). */
export const isoTimestamp = z.iso.datetime({ precision: 3, error: "Use an ISO 8601 UTC timestamp with milliseconds, such as 2026-11-20T14:30:00.000Z." });

/** An id the server generates when it is left out. */
export const optionalId = z
  .uuid("An id must be a UUID, such as 0b6c4c1e-6f3a-4f44-9a51-3f0c1d2e4b5a; leave it out to have one made.")
  .optional()
  .describe("Your own id for the row; one is made when left out.");

/** A reference to an existing row by id. */
export const reference = (what: string) =>
  z
    .string({ error: `Give the ${what} id.` })
    .trim()
    .min(1, `Give the ${what} id.`)
    .max(100, `A ${what} id is at most 100 characters.`)
    .describe(`The id of an existing ${what}.`);

/** A 64-character lower-case hex HMAC (subject ids, context hashes), as the CHECKs require. */
export const hexHash = (what: string) => z.string().regex(/^[0-9a-f]{64}$/, `${what} must be a 64-character lower-case hex hash.`);

/** A fraction in [0, 1]. */
export const fraction = (what: string) => z.number({ error: `${what} must be a number between 0 and 1.` }).min(0, `${what} must be between 0 and 1.`).max(1, `${what} must be between 0 and 1.`);

/** A whole number ≥ 0 that SQLite stores exactly. */
export const count = (what: string) => z.int({ error: `${what} must be a whole number.` }).min(0, `${what} cannot be negative.`);

/** Optional free text (scrubbed for personal data before it is stored). */
export const freeText = (what: string, max: number) =>
  z.string({ error: `${what} must be text.` }).max(max, `${what} must be at most ${max.toLocaleString("en-US")} characters.`);
