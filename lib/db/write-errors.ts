import { Prisma } from "@/lib/generated/prisma/client";

/** The driver's own error code behind a Prisma error ('SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_BUSY_SNAPSHOT'). */
function sqliteCode(error: Prisma.PrismaClientKnownRequestError): string | undefined {
  const adapterError = error.meta?.driverAdapterError as { cause?: { originalCode?: unknown } } | undefined;
  const code = adapterError?.cause?.originalCode;
  return typeof code === "string" ? code : undefined;
}

const isKnownError = (error: unknown): error is Prisma.PrismaClientKnownRequestError =>
  error instanceof Prisma.PrismaClientKnownRequestError;

export const isUniqueViolation = (error: unknown) => isKnownError(error) && error.code === "P2002";

/**
 * Another connection wrote after this transaction read (SQLITE_BUSY_SNAPSHOT in WAL mode), or held the write
 * lock past the busy timeout. Running the transaction again reads the new state, so its check sees the other
 * write.
 */
export const isWriteConflict = (error: unknown) =>
  isKnownError(error) && (error.code === "P2034" || sqliteCode(error)?.startsWith("SQLITE_BUSY") === true);

export const MAX_WRITE_ATTEMPTS = 3;

export const DATABASE_BUSY_MESSAGE = "The database is busy with another write; nothing was saved. Try again in a moment.";

/** Runs a write transaction, again on a write conflict (up to MAX_WRITE_ATTEMPTS), and answers `busy()` after that. */
export async function retryOnWriteConflict<T>(write: () => Promise<T>, busy: () => T): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isWriteConflict(error)) throw error;
      if (attempt >= MAX_WRITE_ATTEMPTS) return busy();
    }
  }
}
