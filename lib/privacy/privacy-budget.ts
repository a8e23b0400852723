import "server-only";
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client";
import { toNumber } from "@/lib/db/rows";
import { isoNow } from "@/lib/time";

/**
 * The privacy-budget ledger. Sequential composition (Dwork & Roth, Theorem 3.16): releases of ε₁, ε₂, … about
 * the same data are together (Σεᵢ)-differentially private, so a budget caps the sum, and a release that would
 * pass the cap is refused rather than made.
 */

/** The budget that "share aggregates" spends, and its total ε: RALL_DP_BUDGET_EPSILON overrides the default 10. */
export const SHARED_AGGREGATES_BUDGET = "shared_aggregates";
export const DEFAULT_BUDGET_EPSILON = 10;

export function budgetTotal(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const configured = Number(env.RALL_DP_BUDGET_EPSILON);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_BUDGET_EPSILON;
}

export class PrivacyBudgetExceededError extends Error {
  override name = "PrivacyBudgetExceededError";
  constructor(
    readonly requested: number,
    readonly remaining: number,
  ) {
    super(`This release needs ε = ${requested} but only ε = ${Math.max(0, remaining)} of the budget is left.`);
  }
}

export type BudgetStatus = { budget: string; total: number; spent: number; remaining: number; releases: number };

type LedgerClient = Pick<PrismaClient, "$executeRawUnsafe" | "$queryRawUnsafe">;

export async function budgetStatus(client: LedgerClient, budget: string, total: number = budgetTotal()): Promise<BudgetStatus> {
  const [row] = await client.$queryRawUnsafe<{ spent: unknown; releases: unknown }[]>(
    "SELECT COALESCE(SUM(epsilon), 0) AS spent, COUNT(*) AS releases FROM privacy_budget_ledger WHERE budget = ?",
    budget,
  );
  const spent = toNumber(row!.spent);
  return { budget, total, spent, remaining: total - spent, releases: toNumber(row!.releases) };
}

// Floating-point sums of ε (0.1 + 0.2) must not refuse a release that exactly fills the budget.
const SLACK = 1e-9;

/**
 * Records a release of `epsilon` against `budget`, or throws PrivacyBudgetExceededError. The check and the write
 * are one INSERT … SELECT, which SQLite runs atomically under its write lock, so two releases at the same moment
 * (from two requests or two processes) can never spend more than the total between them.
 */
export async function spendPrivacyBudget(
  client: LedgerClient,
  release: { budget: string; epsilon: number; description: string; total?: number },
): Promise<{ id: string; remaining: number }> {
  const total = release.total ?? budgetTotal();
  if (!(release.epsilon > 0) || !Number.isFinite(release.epsilon)) throw new RangeError("ε must be a positive number");
  const id = randomUUID();
  const inserted = await client.$executeRawUnsafe(
    `INSERT INTO privacy_budget_ledger (id, released_at, budget, epsilon, mechanism, description)
     SELECT ?, ?, ?, ?, 'laplace', ?
      WHERE (SELECT COALESCE(SUM(epsilon), 0) FROM privacy_budget_ledger WHERE budget = ?) + ? <= ? + ${SLACK}`,
    id,
    isoNow(),
    release.budget,
    release.epsilon,
    release.description,
    release.budget,
    release.epsilon,
    total,
  );
  const status = await budgetStatus(client, release.budget, total);
  if (inserted === 0) throw new PrivacyBudgetExceededError(release.epsilon, status.remaining);
  return { id, remaining: status.remaining };
}
