/**
 * Semantic Versioning 2.0.0 (https://semver.org) parsing and precedence, used to find the latest version of a
 * model: '1.10.0' is newer than '1.9.0' and '2.0.0-rc.1' is older than '2.0.0', which neither text order nor
 * training date gets right.
 */
export type SemVer = {
  major: number;
  minor: number;
  patch: number;
  /** Dot-separated pre-release identifiers ('rc.1' → ['rc', '1']); empty for a normal version. */
  prerelease: string[];
  /** Build metadata identifiers; they take no part in precedence. */
  build: string[];
};

// The grammar of semver.org §2, §9 and §10: numeric identifiers carry no leading zeros.
const NUMERIC = "0|[1-9]\\d*";
const PRERELEASE_ID = `(?:${NUMERIC}|\\d*[a-zA-Z-][0-9a-zA-Z-]*)`;
const SEMVER_PATTERN = new RegExp(
  `^(${NUMERIC})\\.(${NUMERIC})\\.(${NUMERIC})` +
    `(?:-(${PRERELEASE_ID}(?:\\.${PRERELEASE_ID})*))?` +
    `(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$`,
);

/** The parts of a semantic version, or null when `text` is not one. */
export function parseSemver(text: string): SemVer | null {
  const match = SEMVER_PATTERN.exec(text);
  if (!match) return null;
  const [, major, minor, patch, prerelease, build] = match;
  const parts = [major, minor, patch].map(Number);
  if (!parts.every(Number.isSafeInteger)) return null;
  return {
    major: parts[0]!,
    minor: parts[1]!,
    patch: parts[2]!,
    prerelease: prerelease ? prerelease.split(".") : [],
    build: build ? build.split(".") : [],
  };
}

const isNumericId = (id: string) => /^\d+$/.test(id);

/** semver.org §11.4: numeric identifiers compare as numbers and rank below alphanumeric ones. */
function compareIdentifiers(a: string, b: string): number {
  const aNumeric = isNumericId(a);
  const bNumeric = isNumericId(b);
  if (aNumeric && bNumeric) return Math.sign(Number(a) - Number(b));
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePrerelease(a: string[], b: string[]): number {
  // §11.3: a version without pre-release identifiers ranks above one with them.
  if (a.length === 0 || b.length === 0) return Math.sign(b.length - a.length);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareIdentifiers(a[i]!, b[i]!);
    if (order !== 0) return order;
  }
  return Math.sign(a.length - b.length);
}

export function compareParsedSemver(a: SemVer, b: SemVer): number {
  return (
    Math.sign(a.major - b.major) ||
    Math.sign(a.minor - b.minor) ||
    Math.sign(a.patch - b.patch) ||
    comparePrerelease(a.prerelease, b.prerelease)
  );
}

/**
 * Precedence of two semantic versions: negative when `a` is older, positive when newer, 0 when equal in
 * precedence (versions that differ only in build metadata). Throws on text that is not a semantic version.
 */
export function compareSemver(a: string, b: string): number {
  const left = parseSemver(a);
  const right = parseSemver(b);
  if (!left) throw new RangeError(`Not a semantic version: "${a}"`);
  if (!right) throw new RangeError(`Not a semantic version: "${b}"`);
  return compareParsedSemver(left, right);
}
