import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { databaseFilePath, databaseUrl } from "@/lib/database-url";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { CONNECTION_PRAGMA_SCRIPT } from "./pragmas";

export type { PrismaClient };

/** The better-sqlite3 adapter, with the project's pragmas run on each connection it opens. */
function adapterWithPragmas(url: string): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaBetterSqlite3({ url: databaseFilePath(url) });
  const withPragmas = async (connection: Promise<SqlDriverAdapter>) => {
    const adapter = await connection;
    await adapter.executeScript(CONNECTION_PRAGMA_SCRIPT);
    return adapter;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: () => withPragmas(inner.connect()),
    connectToShadowDb: () => withPragmas(inner.connectToShadowDb()),
  };
}

/** A Prisma client for `url`. Application code imports the shared one from lib/db.ts instead. */
export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: adapterWithPragmas(url) });
}
