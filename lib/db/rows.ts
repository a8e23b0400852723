/**
 * Parsers for rows of $queryRaw. The better-sqlite3 adapter reads integers as bigint (safe integers on),
 * so aggregate columns arrive as bigint, number or null; these turn them into plain numbers for DTOs.
 */
export function toNumber(value: unknown): number {
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  throw new TypeError(`Expected a number from the database, got ${value === null ? "null" : typeof value}`);
}

export function toNumberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : toNumber(value);
}

export function toStringOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") throw new TypeError(`Expected text from the database, got ${typeof value}`);
  return value;
}
