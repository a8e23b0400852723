import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { insertAbTest, insertRun } from "@/lib/test-support/rows";
import { listAbTests } from "./ab-tests-list";
import { DEFAULT_AB_TESTS_VIEW, parseAbTestsView } from "./list-params";

let temp: TempDatabase;
const ids: Record<string, string> = {};
beforeAll(() => {
  temp = createTempDatabase();
  const a = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.0.0" });
  const b = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.1.0" });
  // [name, status, started, A successes/samples, B successes/samples]: z ≈ 2.95, 0.28, 6.4; "empty" has no samples.
  const tests: [string, "running" | "closed", string, [number, number], [number, number]][] = [
    ["clear", "running", "2026-01-03T00:00:00.000Z", [800, 1_000], [850, 1_000]],
    ["flat", "running", "2026-01-02T00:00:00.000Z", [800, 1_000], [805, 1_000]],
    ["decided", "closed", "2026-01-01T00:00:00.000Z", [500, 1_000], [640, 1_000]],
    ["empty", "running", "2026-01-04T00:00:00.000Z", [0, 0], [0, 0]],
  ];
  for (const [name, status, started, [xa, na], [xb, nb]] of tests) {
    const id = insertAbTest(temp.sqlite, { status, run_a: a, run_b: b, test_name: name, started_at: started });
    temp.sqlite
      .prepare("UPDATE ab_test_results SET variant_a_successes = ?, variant_a_samples = ?, variant_b_successes = ?, variant_b_samples = ? WHERE id = ?")
      .run(xa, na, xb, nb, id);
    ids[name] = id;
  }
});
afterAll(async () => {
  await temp.close();
});

const names = async (params: Record<string, string>) => (await listAbTests(parseAbTestsView(params), temp.prisma())).rows.map((row) => row.name);

describe("listAbTests", () => {
  it("sorts newest first by default, and counts running and closed tests", async () => {
    const page = await listAbTests(DEFAULT_AB_TESTS_VIEW, temp.prisma());
    expect(page.rows.map((row) => row.name)).toEqual(["empty", "clear", "flat", "decided"]);
    expect(page.counts).toEqual({ running: 3, closed: 1 });
    expect(page.total).toBe(4);
  });

  it("filters by status in SQL", async () => {
    expect(await names({ status: "closed" })).toEqual(["decided"]);
    expect(await names({ status: "running" })).toEqual(["empty", "clear", "flat"]);
  });

  it("sorts by p-value ascending (largest |z| first), tests without a p-value last either way", async () => {
    expect(await names({ sort: "pvalue", dir: "asc" })).toEqual(["decided", "clear", "flat", "empty"]);
    expect(await names({ sort: "pvalue", dir: "desc" })).toEqual(["flat", "clear", "decided", "empty"]);
  });

  it("sorts by lift and by samples, and analyses each row with the unpooled test", async () => {
    expect(await names({ sort: "lift", dir: "desc" })).toEqual(["decided", "clear", "flat", "empty"]);
    const page = await listAbTests(parseAbTestsView({ sort: "samples" }), temp.prisma());
    expect(page.rows.at(-1)!.name).toBe("empty");
    const clear = page.rows.find((row) => row.name === "clear")!;
    expect(clear.analysis.zScore).toBeCloseTo(2.9488, 4);
    expect(page.rows.find((row) => row.name === "empty")!.analysis.pValue).toBeNull();
  });

  it("falls back to defaults for unknown parameters and clamps a page past the end", async () => {
    expect(parseAbTestsView({ status: "weird", sort: "drop table", page: "-3" })).toEqual(DEFAULT_AB_TESTS_VIEW);
    const page = await listAbTests({ ...DEFAULT_AB_TESTS_VIEW, page: 9 }, temp.prisma());
    expect(page.page).toBe(1);
    expect(page.rows).toHaveLength(4);
  });
});
