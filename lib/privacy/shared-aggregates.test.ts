import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { insertQuery } from "@/lib/test-support/rows";
import { PrivacyBudgetExceededError } from "./privacy-budget";
import { releaseSharedAggregates } from "./shared-aggregates";

let temp: TempDatabase;
beforeEach(() => {
  temp = createTempDatabase();
});
afterEach(async () => {
  await temp.close();
});

const NOW = new Date("2026-03-10T12:00:00.000Z");

describe("releaseSharedAggregates", () => {
  it("releases every day of the window with noise, spends ε once, and refuses past the budget", async () => {
    for (let i = 0; i < 40; i++) insertQuery(temp.sqlite, { timestamp: `2026-03-09T10:${String(i).padStart(2, "0")}:00.000Z` });
    const client = temp.prisma();
    const release = await releaseSharedAggregates(client, { epsilon: 3, days: 3, now: NOW, total: 5 });
    expect(release.days.map((d) => d.date)).toEqual(["2026-03-08", "2026-03-09", "2026-03-10"]);
    expect(release.budgetRemaining).toBeCloseTo(2, 12);
    const day = release.days[1]!;
    // ε/3 = 1 per figure: Lap(1) noise on 40 exceeds ±20 with probability e^-20.
    expect(Math.abs(day.queries - 40)).toBeLessThan(20);
    expect(Math.abs(day.sessions - 40)).toBeLessThan(20);

    await expect(releaseSharedAggregates(client, { epsilon: 3, days: 3, now: NOW, total: 5 })).rejects.toThrow(PrivacyBudgetExceededError);
    const ledger = temp.sqlite.prepare("SELECT epsilon, budget FROM privacy_budget_ledger").all();
    expect(ledger).toEqual([{ epsilon: 3, budget: "shared_aggregates" }]);
  });

  it("adds fresh noise to each release: the same data never comes out the same twice", async () => {
    for (let i = 0; i < 10; i++) insertQuery(temp.sqlite, { timestamp: `2026-03-09T10:0${i}:00.000Z` });
    const client = temp.prisma();
    const request = { epsilon: 3, days: 20, now: new Date("2026-03-09T12:00:00.000Z"), total: 10 };
    const a = await releaseSharedAggregates(client, request);
    const b = await releaseSharedAggregates(client, request);
    // 20 days × 3 figures, each with continuous Laplace noise: identical releases would mean no fresh noise.
    expect(a.days.map((d) => d.date)).toEqual(b.days.map((d) => d.date));
    expect(JSON.stringify(a.days)).not.toBe(JSON.stringify(b.days));
  });
});
