import { describe, expect, it } from "vitest";
import { pickLatestVersion, sortNewestVersionFirst } from "./latest-version";

const run = (id: string, modelVersion: string, startedAt = "2026-01-01T00:00:00.000Z") => ({ id, modelVersion, startedAt });

describe("pickLatestVersion", () => {
  it("picks by semver precedence, not text order: 1.10.0 beats 1.9.0 and 1.2.0", () => {
    expect(pickLatestVersion([run("a", "1.9.0"), run("b", "1.10.0"), run("c", "1.2.0")])?.id).toBe("b");
  });

  it("picks a release over its own pre-release: 2.0.0 beats 2.0.0-rc.1, which beats 1.10.0", () => {
    expect(pickLatestVersion([run("rc", "2.0.0-rc.1"), run("ga", "2.0.0"), run("old", "1.10.0")])?.id).toBe("ga");
    expect(pickLatestVersion([run("rc", "2.0.0-rc.1"), run("old", "1.10.0")])?.id).toBe("rc");
  });

  it("ignores start dates when versions differ: an older version started later still loses", () => {
    const runs = [run("new", "1.1.0", "2026-01-01T00:00:00.000Z"), run("hotfix", "1.0.1", "2026-06-01T00:00:00.000Z")];
    expect(pickLatestVersion(runs)?.id).toBe("new");
  });

  it("ranks a version that is not semver below every valid one", () => {
    expect(pickLatestVersion([run("bad", "9.9.9.9"), run("ok", "0.0.1")])?.id).toBe("ok");
  });

  it("breaks a tie in precedence (build metadata only) by the later start, then the larger id, whatever the order", () => {
    const early = run("x", "1.0.0+b1", "2026-01-01T00:00:00.000Z");
    const late = run("a", "1.0.0+b2", "2026-02-01T00:00:00.000Z");
    expect(pickLatestVersion([early, late])?.id).toBe("a");
    expect(pickLatestVersion([late, early])?.id).toBe("a");
    const sameTime = [run("m", "1.0.0+b1"), run("z", "1.0.0+b2")];
    expect(pickLatestVersion(sameTime)?.id).toBe("z");
    expect(pickLatestVersion([...sameTime].reverse())?.id).toBe("z");
  });

  it("is undefined for no runs", () => {
    expect(pickLatestVersion([])).toBeUndefined();
  });
});

describe("sortNewestVersionFirst", () => {
  it("orders by semver precedence, not text or start time: 2.0.0 > 2.0.0-rc.1 > 1.10.0 > 1.9.0", () => {
    const runs = [run("a", "1.9.0"), run("b", "2.0.0-rc.1"), run("c", "1.10.0"), run("d", "2.0.0")];
    expect(sortNewestVersionFirst(runs).map((r) => r.modelVersion)).toEqual(["2.0.0", "2.0.0-rc.1", "1.10.0", "1.9.0"]);
  });
});
