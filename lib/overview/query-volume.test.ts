import { afterEach, describe, expect, it } from "vitest";
import { insertQuery } from "@/lib/test-support/rows";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { dailyQueryCounts, relativeChange, weeklyQueryVolume } from "./query-volume";

let temp: TempDatabase | undefined;
afterEach(async () => {
  await temp?.close();
  temp = undefined;
});

const NOW = new Date("2026-03-15T12:00:00.000Z");

describe("relativeChange", () => {
  it("is (current − previous) / previous when there is a base", () => {
    expect(relativeChange(15, 10)).toEqual({ kind: "ratio", ratio: 0.5 });
    expect(relativeChange(0, 4)).toEqual({ kind: "ratio", ratio: -1 });
    expect(relativeChange(7, 7)).toEqual({ kind: "ratio", ratio: 0 });
  });

  it("is 'new' from a zero base and 'none' when both are zero", () => {
    expect(relativeChange(5, 0)).toEqual({ kind: "new" });
    expect(relativeChange(0, 0)).toEqual({ kind: "none" });
  });
});

describe("weeklyQueryVolume", () => {
  it("counts half-open windows [now−7d, now) and [now−14d, now−7d), edges included at the start only", async () => {
    temp = createTempDatabase();
    const at = (timestamp: string) => insertQuery(temp!.sqlite, { timestamp });
    at("2026-03-15T12:00:00.000Z"); // now: outside both windows
    at("2026-03-15T11:59:59.999Z"); // current
    at("2026-03-10T00:00:00.000Z"); // current
    at("2026-03-08T12:00:00.000Z"); // exactly now − 7 days: current
    at("2026-03-08T11:59:59.999Z"); // previous
    at("2026-03-01T12:00:00.000Z"); // exactly now − 14 days: previous
    at("2026-03-01T11:59:59.999Z"); // before both windows

    expect(await weeklyQueryVolume(NOW, temp.prisma())).toEqual({
      windowEnd: "2026-03-15T12:00:00.000Z",
      currentStart: "2026-03-08T12:00:00.000Z",
      previousStart: "2026-03-01T12:00:00.000Z",
      current: 3,
      previous: 2,
      change: { kind: "ratio", ratio: 0.5 },
    });
  });

  it("reports 'new' when the week before had no queries", async () => {
    temp = createTempDatabase();
    insertQuery(temp.sqlite, { timestamp: "2026-03-14T00:00:00.000Z" });
    expect(await weeklyQueryVolume(NOW, temp.prisma())).toMatchObject({ current: 1, previous: 0, change: { kind: "new" } });
  });
});

describe("dailyQueryCounts", () => {
  it("counts per UTC day up to now, oldest first, with zero days filled in", async () => {
    temp = createTempDatabase();
    const at = (timestamp: string) => insertQuery(temp!.sqlite, { timestamp });
    at("2026-03-11T23:59:59.999Z"); // the day before the window
    at("2026-03-12T00:00:00.000Z");
    at("2026-03-14T08:00:00.000Z");
    at("2026-03-14T23:59:59.999Z");
    at("2026-03-15T11:59:59.999Z");
    at("2026-03-15T12:00:00.000Z"); // not before now

    expect(await dailyQueryCounts(NOW, 4, temp.prisma())).toEqual([
      { date: "2026-03-12", count: 1 },
      { date: "2026-03-13", count: 0 },
      { date: "2026-03-14", count: 2 },
      { date: "2026-03-15", count: 1 },
    ]);
  });

  it("gives 30 days by default, ending today, all zero on an empty database", async () => {
    temp = createTempDatabase();
    const days = await dailyQueryCounts(NOW, undefined, temp.prisma());
    expect(days).toHaveLength(30);
    expect(days[0]).toEqual({ date: "2026-02-14", count: 0 });
    expect(days[29]).toEqual({ date: "2026-03-15", count: 0 });
  });
});
