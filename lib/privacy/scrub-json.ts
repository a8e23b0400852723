import { isPlaceholderValue, isSecretKeyName, placeholderFor, scrubPii } from "./scrub-pii";

export type JsonFinding = {
  category: string;
  /** Where in the value the finding was: property names and array indices from the root. */
  path: (string | number)[];
};

export type JsonScrubResult<T> = { value: T; findings: JsonFinding[] };

/**
 * Scrubs every string inside a parsed JSON value (objects and arrays, at any depth) with scrubPii, keeping the
 * structure, numbers, booleans and property names as they are. A string under a key that names a secret
 * (`"db_password": "…"`) is replaced whole by `[SECRET]` when nothing more specific was found in it, since the
 * key, not the value's shape, is what says it is a secret.
 */
export function scrubJsonStrings<T>(value: T): JsonScrubResult<T> {
  const findings: JsonFinding[] = [];

  const visit = (node: unknown, path: (string | number)[]): unknown => {
    if (typeof node === "string") {
      const key = path.at(-1);
      const scrubbed = scrubPii(node);
      const wholeValueFound = scrubbed.findings.some((f) => f.start === 0 && f.end === node.length);
      const namedSecret = typeof key === "string" && isSecretKeyName(key) && node.trim() !== "" && !isPlaceholderValue(node);
      if (namedSecret && !wholeValueFound) {
        findings.push({ category: "secret", path });
        return placeholderFor("secret");
      }
      for (const finding of scrubbed.findings) findings.push({ category: finding.category, path });
      return scrubbed.text;
    }
    if (Array.isArray(node)) return node.map((item, index) => visit(item, [...path, index]));
    if (node !== null && typeof node === "object") {
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, visit(item, [...path, key])]));
    }
    return node;
  };

  return { value: visit(value, []) as T, findings };
}
