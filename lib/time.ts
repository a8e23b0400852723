/**
 * The one timestamp format of the database: ISO 8601 UTC with milliseconds, 'YYYY-MM-DDTHH:MM:SS.SSSZ'.
 * Every timestamp column has a CHECK that accepts only this spelling, so text order is time order. Takes a Date
 * or epoch milliseconds.
 */
export function toIsoTimestamp(time: Date | number): string {
  return (typeof time === "number" ? new Date(time) : time).toISOString();
}

export function isoNow(): string {
  return new Date().toISOString();
}

export const DAY_MS = 86_400_000;

/** The timestamp `days` days before `from` (fractional days allowed). */
export function isoDaysAgo(days: number, from: Date = new Date()): string {
  return new Date(from.getTime() - days * DAY_MS).toISOString();
}

/** 'YYYY-MM-DD' of a timestamp, in UTC. */
export function utcDate(timestamp: string | Date): string {
  return (typeof timestamp === "string" ? timestamp : timestamp.toISOString()).slice(0, 10);
}
