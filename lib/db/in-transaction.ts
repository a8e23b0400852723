import type { PrismaClient } from "./client";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * A stand-in client whose $transaction runs inside an already open transaction, so a lib/ write function that
 * opens its own transaction (registerRun, createAbTest, uploadGroundTruth) can be part of a larger one: the API
 * stores its idempotency record in the same transaction as the write.
 */
export function inTransaction(tx: Prisma.TransactionClient): Pick<PrismaClient, "$transaction"> {
  const run = (work: unknown) => {
    if (typeof work !== "function") throw new TypeError("inTransaction supports interactive transactions only");
    return (work as (tx: Prisma.TransactionClient) => Promise<unknown>)(tx);
  };
  return { $transaction: run } as unknown as Pick<PrismaClient, "$transaction">;
}
