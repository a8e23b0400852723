import { afterEach, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { sampleSd } from "./group-stats";
import type { GroupBy } from "./run-fields";
import { parseRunsView } from "./run-search-params";
import { runGroupsPage } from "./run-groups";
import { insertTestRuns } from "./runs-test-rows";

let temp: TempDatabase | undefined;
afterEach(async () => {
  await temp?.close();
  temp = undefined;
});

const grouped = async (query: string) => {
  const { view, issues } = parseRunsView(new URLSearchParams(query));
  expect(issues).toEqual([]);
  return runGroupsPage({ ...view, group: view.group as GroupBy }, temp!.prisma());
};

describe("runGroupsPage", () => {
  it("gives n, mean and sample sd of each metric per model type (hand-worked values)", async () => {
    temp = createTempDatabase();
    insertTestRuns(temp.sqlite, [
      // classifier accuracy 0.8, 0.9, 1.0: mean 0.9, sd √((0.01 + 0 + 0.01) / 2) = 0.1; one run without accuracy.
      { id: "c1", model_version: "1.0.0", accuracy: 0.8, f1_score: 0.5 },
      { id: "c2", model_version: "1.1.0", accuracy: 0.9 },
      { id: "c3", model_version: "1.2.0", accuracy: 1.0 },
      { id: "c4", model_version: "1.3.0", accuracy: null, completed_at: null },
      // routing 0.5, 0.7: mean 0.6, sd √((0.01 + 0.01) / 1) = √0.02.
      { id: "r1", model_type: "routing", model_version: "1.0.0", accuracy: 0.5 },
      { id: "r2", model_type: "routing", model_version: "1.1.0", accuracy: 0.7 },
      // optimization: a single run has a mean but no sd.
      { id: "o1", model_type: "optimization", model_version: "1.0.0", accuracy: 0.6 },
    ]);
    const page = await grouped("group=type");
    expect([page.groupCount, page.runCount]).toEqual([3, 7]);
    expect(page.groups.map((group) => [group.key, group.runs])).toEqual([
      ["classifier", 4],
      ["routing", 2],
      ["optimization", 1],
    ]);
    const [classifier, routing, optimization] = page.groups;
    expect(classifier!.metrics.accuracy.n).toBe(3);
    expect(classifier!.metrics.accuracy.mean).toBeCloseTo(0.9, 12);
    expect(classifier!.metrics.accuracy.sd).toBeCloseTo(0.1, 12);
    expect(classifier!.metrics.f1).toEqual({ n: 1, mean: 0.5, sd: null });
    expect(classifier!.metrics.recall).toEqual({ n: 0, mean: null, sd: null });
    expect(routing!.metrics.accuracy.mean).toBeCloseTo(0.6, 12);
    expect(routing!.metrics.accuracy.sd).toBeCloseTo(Math.SQRT2 / 10, 12);
    expect(optimization!.metrics.accuracy).toEqual({ n: 1, mean: 0.6, sd: null });
    expect(classifier!.drillDown).toEqual({ field: "type", op: "eq", value: "classifier" });
  });

  it("keeps the sd exact where avg(x²) − avg(x)² would cancel: durations near 10⁹ ms one apart have sd 1", async () => {
    temp = createTempDatabase();
    const durations = [1_000_000_008, 1_000_000_009, 1_000_000_010];
    insertTestRuns(temp.sqlite, durations.map((ms, i) => ({ id: `d${i}`, model_version: `1.0.${i}`, training_duration_ms: ms })));
    const [group] = (await grouped("group=type")).groups;
    expect(group!.metrics.duration.mean).toBe(1_000_000_009);
    expect(group!.metrics.duration.sd).toBe(1);
    // The one-pass form in doubles gives a negative variance (−192) here, which is why it is not used.
    const mean = durations.reduce((a, b) => a + b, 0) / 3;
    const naiveVariance = ((durations.reduce((a, b) => a + b * b, 0) / 3 - mean * mean) * 3) / 2;
    expect(naiveVariance).toBeLessThan(0);
  });

  it("orders version groups newest first by semver and applies the view's filter", async () => {
    temp = createTempDatabase();
    insertTestRuns(temp.sqlite, [
      { id: "a", model_version: "1.2.0", accuracy: 0.7 },
      { id: "b", model_version: "1.10.0", accuracy: 0.8 },
      { id: "c", model_version: "1.10.1", accuracy: 0.9 },
      { id: "d", model_version: "2.0.0-rc.1", accuracy: 0.85 },
      { id: "e", model_version: "2.0.0", accuracy: 0.95 },
      { id: "f", model_type: "routing", model_version: "1.10.0", accuracy: 0.6 },
      { id: "g", model_type: "routing", model_version: "0.9.0", accuracy: 0.5 },
    ]);
    expect((await grouped("group=minor")).groups.map((group) => [group.key, group.runs])).toEqual([
      ["2.0", 2],
      ["1.10", 3],
      ["1.2", 1],
      ["0.9", 1],
    ]);
    expect((await grouped("group=major")).groups.map((group) => group.key)).toEqual(["2", "1", "0"]);
    expect((await grouped("group=version")).groups.map((group) => group.key)).toEqual(["2.0.0", "2.0.0-rc.1", "1.10.1", "1.10.0", "1.2.0", "0.9.0"]);
    const filtered = await grouped("group=version&f=0:type:eq:classifier&f=0:accuracy:gte:0.8");
    expect(filtered.groups.map((group) => [group.key, group.runs])).toEqual([
      ["2.0.0", 1],
      ["2.0.0-rc.1", 1],
      ["1.10.1", 1],
      ["1.10.0", 1],
    ]);
    const minor = (await grouped("group=minor")).groups[1]!;
    expect(minor.drillDown).toEqual({ field: "version", op: "range", value: ">=1.10.0-0 <1.11.0-0" });
  });

  it("pages through groups and reports none for an empty result", async () => {
    temp = createTempDatabase();
    insertTestRuns(temp.sqlite, Array.from({ length: 30 }, (_, i) => ({ id: `v${i}`, model_version: `1.0.${i}` })));
    const second = await grouped("group=version&page=2");
    expect([second.groupCount, second.pageCount, second.page, second.groups.length]).toEqual([30, 2, 2, 5]);
    expect(second.groups.map((group) => group.key)).toEqual(["1.0.4", "1.0.3", "1.0.2", "1.0.1", "1.0.0"]);
    expect(await grouped("group=type&f=0:accuracy:gt:0.5")).toEqual({ groups: [], groupCount: 0, runCount: 0, pageCount: 1, page: 1 });
  });
});

describe("sampleSd", () => {
  it("applies Bessel's correction and is undefined below two values", () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: Σ(x − 5)² = 32, sample sd √(32 / 7).
    expect(sampleSd(32, 8)).toBeCloseTo(Math.sqrt(32 / 7), 15);
    expect(sampleSd(0, 1)).toBeNull();
    expect(sampleSd(0, 0)).toBeNull();
  });
});
