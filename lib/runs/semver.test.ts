import { describe, expect, it } from "vitest";
import { compareSemver, parseSemver } from "./semver";

describe("parseSemver", () => {
  it("splits a full version into numbers, pre-release and build identifiers", () => {
    expect(parseSemver("1.10.3-rc.1+build.5")).toEqual({
      major: 1,
      minor: 10,
      patch: 3,
      prerelease: ["rc", "1"],
      build: ["build", "5"],
    });
    expect(parseSemver("0.0.0")).toEqual({ major: 0, minor: 0, patch: 0, prerelease: [], build: [] });
  });

  it("accepts the examples semver.org gives for §9 and §10", () => {
    for (const valid of ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-0.3.7", "1.0.0-x.7.z.92", "1.0.0-x-y-z.--", "1.0.0-alpha+001", "1.0.0+20130313144700", "1.0.0-beta+exp.sha.5114f85", "1.0.0+21AF26D3----117B344092BD"]) {
      expect(parseSemver(valid), valid).not.toBeNull();
    }
  });

  it("rejects text that is not a semantic version, including leading zeros and empty identifiers", () => {
    for (const invalid of ["", "1", "1.2", "1.2.3.4", "v1.2.3", "01.2.3", "1.02.3", "1.2.03", "1.2.3-01", "1.2.3-", "1.2.3+", "1.2.3-a..b", "1.2.3-a_b", " 1.2.3", "1.2.3 ", "-1.2.3"]) {
      expect(parseSemver(invalid), JSON.stringify(invalid)).toBeNull();
    }
  });
});

describe("compareSemver", () => {
  // semver.org §11: "Example: 1.0.0 < 2.0.0 < 2.1.0 < 2.1.1" and the pre-release chain of §11.4.
  const ascending = [
    "1.0.0-alpha",
    "1.0.0-alpha.1",
    "1.0.0-alpha.beta",
    "1.0.0-beta",
    "1.0.0-beta.2",
    "1.0.0-beta.11",
    "1.0.0-rc.1",
    "1.0.0",
    "2.0.0",
    "2.1.0",
    "2.1.1",
  ];

  it("orders semver.org's precedence examples, every pair in both directions", () => {
    for (let i = 0; i < ascending.length; i++) {
      for (let j = 0; j < ascending.length; j++) {
        expect(Math.sign(compareSemver(ascending[i]!, ascending[j]!)), `${ascending[i]} vs ${ascending[j]}`).toBe(Math.sign(i - j));
      }
    }
  });

  it("sorts a shuffled list into semver.org's order", () => {
    const shuffled = [...ascending].reverse().sort((a, b) => a.length - b.length);
    expect(shuffled.sort(compareSemver)).toEqual(ascending);
  });

  it("compares numeric parts as numbers, not text: 1.10.0 is newer than 1.9.0", () => {
    expect(compareSemver("1.10.0", "1.9.0")).toBe(1);
    expect(compareSemver("1.9.0", "1.10.0")).toBe(-1);
    expect(compareSemver("10.0.0", "9.99.99")).toBe(1);
    expect(compareSemver("1.0.10", "1.0.9")).toBe(1);
  });

  it("ranks a pre-release below its release: 2.0.0-rc.1 is older than 2.0.0 but newer than 1.99.99", () => {
    expect(compareSemver("2.0.0-rc.1", "2.0.0")).toBe(-1);
    expect(compareSemver("2.0.0-rc.1", "1.99.99")).toBe(1);
  });

  it("ranks numeric pre-release identifiers below alphanumeric ones and compares them as numbers", () => {
    expect(compareSemver("1.0.0-1", "1.0.0-alpha")).toBe(-1);
    expect(compareSemver("1.0.0-rc.10", "1.0.0-rc.9")).toBe(1);
    // ASCII order: upper case sorts before lower case.
    expect(compareSemver("1.0.0-RC", "1.0.0-rc")).toBe(-1);
  });

  it("ignores build metadata: versions differing only in it have equal precedence", () => {
    expect(compareSemver("1.0.0+build.1", "1.0.0+build.2")).toBe(0);
    expect(compareSemver("1.0.0-beta+exp", "1.0.0-beta")).toBe(0);
  });

  it("throws a RangeError naming the text that is not a semantic version", () => {
    expect(() => compareSemver("1.2", "1.0.0")).toThrow(RangeError);
    expect(() => compareSemver("1.0.0", "latest")).toThrow(/"latest"/);
  });
});
