import type { PrismaClient } from "@/lib/db/client";

/** What a read-only query module needs from the client: raw SQL. Tests pass a temporary database's client. */
export type Queryable = Pick<PrismaClient, "$queryRaw">;
