import { compareParsedSemver, parseSemver } from "./semver";

export type VersionedRun = { id: string; modelVersion: string; startedAt: string };

/**
 * The run with the highest semantic version (semver.org precedence, not text order or date). A version that is
 * not valid semver ranks below every valid one; runs equal in precedence (they differ only in build metadata)
 * fall back to the later start, then the larger id, so the choice never depends on row order.
 */
export function pickLatestVersion<T extends VersionedRun>(runs: readonly T[]): T | undefined {
  return sortNewestVersionFirst(runs)[0];
}

/** The runs ordered newest version first, by the same precedence as pickLatestVersion. */
export function sortNewestVersionFirst<T extends VersionedRun>(runs: readonly T[]): T[] {
  return runs
    .map((run) => ({ run, version: parseSemver(run.modelVersion) }))
    .sort((a, b) => (isNewer(a, b) ? -1 : isNewer(b, a) ? 1 : 0))
    .map(({ run }) => run);
}

function isNewer<T extends VersionedRun>(
  a: { run: T; version: ReturnType<typeof parseSemver> },
  b: { run: T; version: ReturnType<typeof parseSemver> },
): boolean {
  if (a.version && !b.version) return true;
  if (!a.version && b.version) return false;
  const precedence = a.version && b.version ? compareParsedSemver(a.version, b.version) : 0;
  if (precedence !== 0) return precedence > 0;
  if (a.run.startedAt !== b.run.startedAt) return a.run.startedAt > b.run.startedAt;
  return a.run.id > b.run.id;
}
