import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { budgetStatus, budgetTotal, PrivacyBudgetExceededError, spendPrivacyBudget } from "./privacy-budget";

let temp: TempDatabase;
beforeEach(() => {
  temp = createTempDatabase();
});
afterEach(async () => {
  await temp.close();
});

const release = (epsilon: number, total = 1) => ({ budget: "test", epsilon, description: "daily counts", total });

describe("spendPrivacyBudget", () => {
  it("records releases until the budget is spent, then refuses and writes nothing", async () => {
    const client = temp.prisma();
    expect((await spendPrivacyBudget(client, release(0.5))).remaining).toBeCloseTo(0.5, 12);
    expect((await spendPrivacyBudget(client, release(0.3))).remaining).toBeCloseTo(0.2, 12);
    await expect(spendPrivacyBudget(client, release(0.3))).rejects.toThrow(PrivacyBudgetExceededError);
    // 0.5 + 0.3 + 0.2 is 1 up to floating-point error: filling the budget exactly is allowed.
    await spendPrivacyBudget(client, release(0.2));
    await expect(spendPrivacyBudget(client, release(0.01))).rejects.toThrow(/only ε = 0 of the budget is left/);
    expect(await budgetStatus(client, "test", 1)).toMatchObject({ releases: 3, total: 1 });
  });

  it("keeps separate budgets apart", async () => {
    const client = temp.prisma();
    await spendPrivacyBudget(client, release(1));
    await spendPrivacyBudget(client, { ...release(1), budget: "other" });
    expect((await budgetStatus(client, "other", 1)).spent).toBe(1);
  });

  it("never lets concurrent releases from separate connections overspend", async () => {
    const clients = Array.from({ length: 4 }, () => createPrismaClient(temp.url));
    try {
      const results = await Promise.allSettled(clients.flatMap((client) => [0, 1, 2].map(() => spendPrivacyBudget(client, release(0.3)))));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
      expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason instanceof PrivacyBudgetExceededError)).toBe(true);
      expect((await budgetStatus(temp.prisma(), "test", 1)).spent).toBeCloseTo(0.9, 12);
    } finally {
      await Promise.all(clients.map((client) => client.$disconnect()));
    }
  });

  it("reads its total from RALL_DP_BUDGET_EPSILON, defaulting to 10", () => {
    expect(budgetTotal({})).toBe(10);
    expect(budgetTotal({ RALL_DP_BUDGET_EPSILON: "3.5" })).toBe(3.5);
    expect(budgetTotal({ RALL_DP_BUDGET_EPSILON: "-1" })).toBe(10);
  });
});
