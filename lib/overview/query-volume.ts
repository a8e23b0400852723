import "server-only";
import { db } from "@/lib/db";
import type { Queryable } from "@/lib/db/queryable";
import { toNumber } from "@/lib/db/rows";
import { DAY_MS, isoDaysAgo, utcDate } from "@/lib/time";

/** A relative change: a percentage when there was a base to compare with, "new" when the base was zero. */
export type Change = { kind: "ratio"; ratio: number } | { kind: "new" } | { kind: "none" };

/** (current − previous) / previous; "new" when previous is 0 and current is not, "none" when both are 0. */
export function relativeChange(current: number, previous: number): Change {
  if (previous === 0) return current === 0 ? { kind: "none" } : { kind: "new" };
  return { kind: "ratio", ratio: (current - previous) / previous };
}

export type WeeklyQueryVolume = {
  /** The instant the windows were measured against (exclusive end of the current window). */
  windowEnd: string;
  /** now − 7 days: start of the current window and exclusive end of the previous one. */
  currentStart: string;
  /** now − 14 days. */
  previousStart: string;
  /** Queries in [now − 7 days, now). */
  current: number;
  /** Queries in [now − 14 days, now − 7 days). */
  previous: number;
  change: Change;
};

/** Queries in the last 7 days against the 7 days before, windows relative to `now` and half-open. */
export async function weeklyQueryVolume(now: Date, client: Queryable = db): Promise<WeeklyQueryVolume> {
  // Timestamps are ISO text of one fixed width, so comparing them with ISO strings made here is time order.
  const end = now.toISOString();
  const currentStart = isoDaysAgo(7, now);
  const previousStart = isoDaysAgo(14, now);
  const [row] = await client.$queryRaw<{ current: unknown; previous: unknown }[]>`
    SELECT COUNT(CASE WHEN timestamp >= ${currentStart} THEN 1 END) AS current,
           COUNT(CASE WHEN timestamp < ${currentStart} THEN 1 END) AS previous
    FROM queries
    WHERE timestamp >= ${previousStart} AND timestamp < ${end}`;
  const current = row ? toNumber(row.current) : 0;
  const previous = row ? toNumber(row.previous) : 0;
  return { windowEnd: end, currentStart, previousStart, current, previous, change: relativeChange(current, previous) };
}

export type DailyQueryCount = { date: string; count: number };

/**
 * Queries per UTC day for the `days` days ending with today (the day of `now`), oldest first, every day present
 * (zero when there were none). Queries later than `now` are not counted.
 */
export async function dailyQueryCounts(now: Date, days = 30, client: Queryable = db): Promise<DailyQueryCount[]> {
  const today = utcDate(now);
  const firstDay = utcDate(new Date(Date.parse(`${today}T00:00:00.000Z`) - (days - 1) * DAY_MS));
  const rows = await client.$queryRaw<{ day: string; count: unknown }[]>`
    SELECT substr(timestamp, 1, 10) AS day, COUNT(*) AS count
    FROM queries
    WHERE timestamp >= ${`${firstDay}T00:00:00.000Z`} AND timestamp < ${now.toISOString()}
    GROUP BY day`;
  const countByDay = new Map(rows.map((row) => [row.day, toNumber(row.count)]));
  return Array.from({ length: days }, (_, i) => {
    const date = utcDate(new Date(Date.parse(`${firstDay}T00:00:00.000Z`) + i * DAY_MS));
    return { date, count: countByDay.get(date) ?? 0 };
  });
}
