import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { NextRequest } from "next/server";
import { resultOutcome } from "./result-outcome";
import type { ApiContext } from "./v1-handler";
import { batchParser, prismaWrite, type Tx } from "./write-route";

/**
 * The handler of a batch endpoint written through Prisma: `{ items }` validated with the item schema, then
 * `write` in one transaction with the idempotency record; 201 with its result.
 */
export function prismaBatchHandler<Schema extends z.ZodType>(
  route: string,
  itemSchema: Schema,
  write: (tx: Tx, items: z.output<Schema>[]) => Promise<{ ok: boolean }>,
) {
  return (request: NextRequest, { caller }: ApiContext<Record<string, never>>) =>
    prismaWrite({ request, caller, route }, db, batchParser(itemSchema), async (tx, items) => resultOutcome(await write(tx, items), 201));
}
