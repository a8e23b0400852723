import { compareParsedSemver, parseSemver, type SemVer } from "./semver";

/**
 * Semantic-version ranges for the runs filter, in the familiar npm notation: space-separated comparators that
 * must all hold (`>=1.2.0 <2.0.0`), with `^`, `~`, `x` wildcards and partial versions expanded the way npm's
 * node-semver documents them (https://github.com/npm/node-semver#advanced-range-syntax). Comparison is plain
 * semver.org §11 precedence: `<2.0.0` includes `2.0.0-rc.1`, which precedes 2.0.0. Upper bounds that the
 * shorthands derive use `-0`, the lowest pre-release, so `1.2.x` excludes `1.3.0-rc.1`, as a person means it.
 */
export type ComparatorOp = "<" | "<=" | ">" | ">=" | "=";

export type Comparator = { op: ComparatorOp; version: SemVer };

export type ParsedRange = { ok: true; comparators: Comparator[] } | { ok: false; message: string };

const PARTIAL = /^(0|[1-9]\d*)(?:\.(0|[1-9]\d*|[xX*]))?(?:\.(0|[1-9]\d*|[xX*]))?$/;

const version = (major: number, minor: number, patch: number, prerelease: string[] = []): SemVer => ({
  major,
  minor,
  patch,
  prerelease,
  build: [],
});

/** The lowest version above every version that starts with the given parts: 1.2 → 1.3.0-0, 1 → 2.0.0-0. */
const ceiling = (major: number, minor: number | null): SemVer =>
  minor === null ? version(major + 1, 0, 0, ["0"]) : version(major, minor + 1, 0, ["0"]);

type Partial = { major: number; minor: number | null; patch: number | null };

function parsePartial(text: string): Partial | null {
  const match = PARTIAL.exec(text);
  if (!match) return null;
  const part = (value: string | undefined) => (value === undefined || /^[xX*]$/.test(value) ? null : Number(value));
  const minor = part(match[2]);
  const patch = minor === null ? null : part(match[3]);
  return { major: Number(match[1]), minor, patch };
}

function expand(token: string): Comparator[] | string {
  if (token === "*" || token === "x" || token === "X") return [];
  const operator = /^(>=|<=|>|<|=|\^|~)?(.*)$/.exec(token)!;
  const op = operator[1] ?? "";
  const rest = operator[2]!;
  const full = parseSemver(rest);
  if (full) {
    const exact = { ...full, build: [] };
    if (op === "^") {
      const upper = full.major > 0 ? ceiling(full.major, null) : full.minor > 0 ? ceiling(0, full.minor) : version(0, 0, full.patch + 1, ["0"]);
      return [{ op: ">=", version: exact }, { op: "<", version: upper }];
    }
    if (op === "~") return [{ op: ">=", version: exact }, { op: "<", version: ceiling(full.major, full.minor) }];
    return [{ op: (op || "=") as ComparatorOp, version: exact }];
  }
  const partial = parsePartial(rest);
  if (!partial) return `"${token}" is not a version or comparator`;
  const { major, minor } = partial;
  const floor = version(major, minor ?? 0, 0);
  const top = ceiling(major, minor);
  switch (op) {
    case ">":
      return [{ op: ">=", version: top }];
    case ">=":
      return [{ op: ">=", version: floor }];
    case "<":
      return [{ op: "<", version: version(major, minor ?? 0, 0, ["0"]) }];
    case "<=":
      return [{ op: "<", version: top }];
    case "^": {
      // ^1.2 → <2.0.0-0, ^0.2 → <0.3.0-0, ^0 → <1.0.0-0: the left-most non-zero part may not change.
      const upper = major > 0 || minor === null ? ceiling(major, null) : ceiling(0, minor);
      return [{ op: ">=", version: floor }, { op: "<", version: upper }];
    }
    default:
      // Bare, =, ~ and wildcards: every version that starts with the given parts.
      return [{ op: ">=", version: floor }, { op: "<", version: top }];
  }
}

/** Parses `>=1.2.0 <2.0.0`, `^1.2.0`, `~1.4.2`, `1.x`, `2`, `=1.2.3`. An empty range is refused. */
export function parseVersionRange(text: string): ParsedRange {
  // `>= 1.2.0` is read as `>=1.2.0`.
  const tokens = text.trim().replace(/(>=|<=|>|<|=|\^|~)\s+/g, "$1").split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return { ok: false, message: "the version range is empty" };
  if (tokens.length > 8) return { ok: false, message: "a version range has at most 8 comparators" };
  const comparators: Comparator[] = [];
  for (const token of tokens) {
    const expanded = expand(token);
    if (typeof expanded === "string") return { ok: false, message: `${expanded} (try e.g. ">=1.2.0 <2.0.0", "^1.2.0" or "1.4.x")` };
    comparators.push(...expanded);
  }
  return { ok: true, comparators };
}

export function satisfiesComparator(candidate: SemVer, { op, version: bound }: Comparator): boolean {
  const order = compareParsedSemver(candidate, bound);
  switch (op) {
    case "<":
      return order < 0;
    case "<=":
      return order <= 0;
    case ">":
      return order > 0;
    case ">=":
      return order >= 0;
    case "=":
      return order === 0;
  }
}

/** Whether `text` is a semantic version that satisfies every comparator. Text that is not semver never does. */
export function satisfiesRange(text: string, comparators: readonly Comparator[]): boolean {
  const candidate = parseSemver(text);
  return candidate !== null && comparators.every((comparator) => satisfiesComparator(candidate, comparator));
}

/** A comparator as text, for messages and tests: `>=1.3.0-0`. */
export function formatComparator({ op, version: v }: Comparator): string {
  return `${op}${v.major}.${v.minor}.${v.patch}${v.prerelease.length ? `-${v.prerelease.join(".")}` : ""}`;
}
