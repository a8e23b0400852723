import "server-only";
import { bulkConnection } from "@/lib/features/bulk-connection";
import { validateSchema } from "./run-validation";
import type { ValidationReport } from "./types";

const globalForValidation = globalThis as unknown as { rallSchemaValidation?: Promise<ValidationReport> };

/**
 * Runs the validation against the app's database. The checks take seconds and mostly run synchronously, so
 * visits that arrive while a run is in progress share it instead of starting another.
 */
export function liveValidation(): Promise<ValidationReport> {
  globalForValidation.rallSchemaValidation ??= (async () => {
    // Let the page's shell and loading state stream before the synchronous checks hold the thread.
    await new Promise((resolve) => setTimeout(resolve, 50));
    return validateSchema(bulkConnection());
  })().finally(() => {
    globalForValidation.rallSchemaValidation = undefined;
  });
  return globalForValidation.rallSchemaValidation;
}
