import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The HMAC key behind every hash in the database (query_hash, subject_id, ip_hash, context_hash). It lives outside
 * the database on purpose: a copy of the database alone cannot be used to test guesses against the hashes.
 *
 * Resolution order:
 *   1. RALL_SECRET_KEY: the key as hex (at least 16 bytes), e.g. for tests and containers.
 *   2. The file at RALL_SECRET_KEY_FILE (default data/secret.key), holding the key as hex text. When the file does
 *      not exist it is created with 32 bytes from the operating system's CSPRNG, readable by its owner only (0600).
 *
 * Keep the key stable: changing it changes every hash, so old and new rows no longer match.
 */
export const DEFAULT_SECRET_KEY_FILE = "data/secret.key";
export const SECRET_KEY_BYTES = 32;
const MIN_KEY_BYTES = 16;

/** The environment variables read here (process.env satisfies it). */
export type SecretKeyEnv = Readonly<Record<string, string | undefined>>;

export class SecretKeyError extends Error {
  override name = "SecretKeyError";
}

function parseHexKey(hex: string, where: string): Buffer {
  const text = hex.trim();
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(text)) {
    throw new SecretKeyError(`${where} must be hex (an even number of 0-9a-f characters).`);
  }
  const key = Buffer.from(text, "hex");
  if (key.length < MIN_KEY_BYTES) {
    throw new SecretKeyError(`${where} is ${key.length} bytes; use at least ${MIN_KEY_BYTES} (32 recommended).`);
  }
  return key;
}

/** Where the key file is: RALL_SECRET_KEY_FILE resolved against the working directory, or data/secret.key. */
export function secretKeyFilePath(env: SecretKeyEnv = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.RALL_SECRET_KEY_FILE?.trim() || DEFAULT_SECRET_KEY_FILE);
}

export function loadSecretKey(env: SecretKeyEnv = process.env): Buffer {
  const fromEnv = env.RALL_SECRET_KEY?.trim();
  if (fromEnv) return parseHexKey(fromEnv, "RALL_SECRET_KEY");

  const file = secretKeyFilePath(env);
  // The key file is configured at run time: nothing for the bundler to trace.
  fs.mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
  try {
    // 'wx' fails if the file exists, so two processes starting at once never overwrite each other's key.
    fs.writeFileSync(/*turbopackIgnore: true*/ file, `${randomBytes(SECRET_KEY_BYTES).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
    fs.chmodSync(/*turbopackIgnore: true*/ file, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return parseHexKey(fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8"), `The secret key file ${file}`);
}
