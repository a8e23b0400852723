/**
 * RALL_AUTH: whether the dashboard asks people to sign in. On by default, so a server started without thinking
 * about it is safe; off by default only under `next dev` (NODE_ENV=development). An unknown value stops the
 * server rather than guessing which of the two was meant.
 */
export class AuthConfigError extends Error {
  override name = "AuthConfigError";
}

const ON = new Set(["on", "true", "1", "yes"]);
const OFF = new Set(["off", "false", "0", "no"]);

export function parseRallAuth(value: string | undefined, nodeEnv: string | undefined): boolean {
  const text = value?.trim().toLowerCase() ?? "";
  if (text === "") return nodeEnv !== "development";
  if (ON.has(text)) return true;
  if (OFF.has(text)) return false;
  throw new AuthConfigError(`RALL_AUTH must be on or off (also true/false, 1/0); it is ${JSON.stringify(value)}.`);
}

/** Read at request time, not build time: one build serves with auth on or off depending on how it is started. */
export function authEnabled(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return parseRallAuth(env["RALL_AUTH"], env["NODE_ENV"]);
}
