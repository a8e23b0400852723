import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * Passwords are stored as `scrypt$N$r$p$salt$hash` (salt and hash base64url): the parameters travel with the hash,
 * so they can be raised later and old hashes still verify. N = 2^15, r = 8 costs about 32 MiB and tens of
 * milliseconds per guess (OWASP's scrypt minimum is N = 2^17 with r = 8, p = 1 … or N = 2^15 with p = 3; we take
 * the second).
 */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 3 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1_024;

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, SCRYPT_PARAMS);
  const { N, r, p } = SCRYPT_PARAMS;
  return `scrypt$${N}$${r}$${p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

/** False for a wrong password and for a malformed stored value; the comparison takes the same time either way. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20) return false;
  const expected = Buffer.from(parts[5]!, "base64url");
  if (expected.length !== KEY_BYTES) return false;
  const actual = await derive(password, Buffer.from(parts[4]!, "base64url"), { N, r, p });
  return timingSafeEqual(actual, expected);
}

/**
 * A hash of nothing anyone knows, verified against when the username does not exist, so a wrong username takes
 * as long to refuse as a wrong password and the response time does not tell which usernames exist.
 */
let decoy: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  return (decoy ??= hashPassword(randomBytes(32).toString("hex")));
}

const COMMON = new Set(["password", "passw0rd", "123456", "12345678", "123456789", "1234567890", "qwerty", "letmein", "admin", "welcome", "iloveyou", "changeme"]);

/** Why a new password is refused, or null. Length over complexity rules (NIST SP 800-63B). */
export function passwordProblem(password: string, username = ""): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `The password must be at least ${PASSWORD_MIN_LENGTH} characters (it has ${password.length}).`;
  if (password.length > PASSWORD_MAX_LENGTH) return `The password must be at most ${PASSWORD_MAX_LENGTH.toLocaleString("en-US")} characters.`;
  const lower = password.toLowerCase();
  if (new Set(password).size < 5) return "The password repeats too few characters; use a longer phrase or a password manager.";
  if ([...COMMON].some((word) => lower.replace(/[^a-z0-9]/g, "").startsWith(word) && lower.length < word.length + 6)) {
    return "The password is too common; use a longer phrase or a password manager.";
  }
  if (username && lower.includes(username.toLowerCase())) return "The password must not contain the username.";
  return null;
}
