import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes from the operating system's CSPRNG, base64url (43 characters). */
export const randomToken = () => randomBytes(32).toString("base64url");

/**
 * SHA-256, hex: how session tokens and API keys are stored. A fast hash is right here (unlike passwords): the
 * secrets are 256 random bits, so there is nothing to guess, and every request verifies one.
 */
export const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");
