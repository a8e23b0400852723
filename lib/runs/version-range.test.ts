import { describe, expect, it } from "vitest";
import { formatComparator, parseVersionRange, satisfiesRange } from "./version-range";

const expanded = (text: string) => {
  const range = parseVersionRange(text);
  if (!range.ok) throw new Error(range.message);
  return range.comparators.map(formatComparator).join(" ");
};

const satisfies = (version: string, text: string) => {
  const range = parseVersionRange(text);
  if (!range.ok) throw new Error(range.message);
  return satisfiesRange(version, range.comparators);
};

describe("parseVersionRange", () => {
  // Expansions as node-semver's README documents them (Advanced Range Syntax).
  it.each([
    [">=1.2.0 <2.0.0", ">=1.2.0 <2.0.0"],
    ["^1.2.3", ">=1.2.3 <2.0.0-0"],
    ["^0.2.3", ">=0.2.3 <0.3.0-0"],
    ["^0.0.3", ">=0.0.3 <0.0.4-0"],
    ["^1.2", ">=1.2.0 <2.0.0-0"],
    ["^0.x", ">=0.0.0 <1.0.0-0"],
    ["^0.0", ">=0.0.0 <0.1.0-0"],
    ["~1.2.3", ">=1.2.3 <1.3.0-0"],
    ["~1.2", ">=1.2.0 <1.3.0-0"],
    ["1.2.x", ">=1.2.0 <1.3.0-0"],
    ["1.x", ">=1.0.0 <2.0.0-0"],
    ["1", ">=1.0.0 <2.0.0-0"],
    [">1", ">=2.0.0-0"],
    [">1.2", ">=1.3.0-0"],
    ["<1.2", "<1.2.0-0"],
    ["<=1.2", "<1.3.0-0"],
    ["1.2.3", "=1.2.3"],
    ["= 1.2.3", "=1.2.3"],
    [">= 1.0.0-rc.1", ">=1.0.0-rc.1"],
    ["*", ""],
  ])("reads %s as %s", (text, expected) => {
    expect(expanded(text)).toBe(expected);
  });

  it.each(["", "   ", ">=1.2.3.4", "01.2.3", "abc", ">=", "1.2.3 || 2.0.0"])("refuses %j with a message", (text) => {
    const range = parseVersionRange(text);
    expect(range.ok).toBe(false);
  });
});

describe("satisfiesRange", () => {
  it("compares versions numerically, not as text", () => {
    expect(satisfies("1.10.0", ">1.9.0")).toBe(true);
    expect(satisfies("1.9.0", ">=1.10.0")).toBe(false);
  });

  it("ranks a pre-release below its release, so <2.0.0 includes 2.0.0-rc.1 but 1.x does not", () => {
    expect(satisfies("2.0.0-rc.1", "<2.0.0")).toBe(true);
    expect(satisfies("2.0.0-rc.1", "1.x")).toBe(false);
    expect(satisfies("2.0.0", "<2.0.0")).toBe(false);
  });

  it("orders pre-release identifiers by semver rules: rc.2 < rc.10 < release", () => {
    expect(satisfies("1.0.0-rc.10", ">1.0.0-rc.2")).toBe(true);
    expect(satisfies("1.0.0-rc.2", ">1.0.0-rc.10")).toBe(false);
    expect(satisfies("1.0.0-alpha", "<1.0.0-alpha.1")).toBe(true);
  });

  it("ignores build metadata for equality", () => {
    expect(satisfies("1.2.3+build.7", "=1.2.3")).toBe(true);
  });

  it("needs every comparator to hold", () => {
    expect(satisfies("1.5.0", ">=1.2.0 <2.0.0")).toBe(true);
    expect(satisfies("2.1.0", ">=1.2.0 <2.0.0")).toBe(false);
    expect(satisfies("1.1.9", ">=1.2.0 <2.0.0")).toBe(false);
  });

  it("never matches text that is not a semantic version", () => {
    expect(satisfies("latest", "*")).toBe(false);
  });
});
