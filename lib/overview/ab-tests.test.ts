import { afterEach, describe, expect, it } from "vitest";
import { insertAbTest, insertRun } from "@/lib/test-support/rows";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { abTestSummary } from "./ab-tests";

let temp: TempDatabase | undefined;
afterEach(async () => {
  await temp?.close();
  temp = undefined;
});

describe("abTestSummary", () => {
  it("is all zeros and no tests on an empty database", async () => {
    temp = createTempDatabase();
    expect(await abTestSummary(5, temp.prisma())).toEqual({ running: 0, closed: 0, latestRunning: [] });
  });

  it("counts running and closed tests and lists running ones newest first, up to the limit", async () => {
    temp = createTempDatabase();
    const a = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.0.0" });
    const b = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.1.0" });
    for (let i = 0; i < 3; i++) insertAbTest(temp.sqlite, { status: "closed", run_a: a, run_b: b });
    insertAbTest(temp.sqlite, { status: "running", run_a: a, run_b: b, test_name: "oldest", started_at: "2026-01-01T00:00:00.000Z" });
    insertAbTest(temp.sqlite, {
      status: "running",
      run_a: a,
      run_b: b,
      test_name: "newest",
      started_at: "2026-01-03T00:00:00.000Z",
      variant_a_model: "1.0.0",
      variant_b_model: "1.1.0",
      variant_a_samples: 120,
      variant_b_samples: 80,
    });
    insertAbTest(temp.sqlite, { status: "running", run_a: a, run_b: b, test_name: "middle", started_at: "2026-01-02T00:00:00.000Z" });

    const summary = await abTestSummary(2, temp.prisma());
    expect(summary.running).toBe(3);
    expect(summary.closed).toBe(3);
    expect(summary.latestRunning.map((test) => test.name)).toEqual(["newest", "middle"]);
    expect(summary.latestRunning[0]).toMatchObject({
      variantAModel: "1.0.0",
      variantBModel: "1.1.0",
      samples: 200,
      startedAt: "2026-01-03T00:00:00.000Z",
    });
  });
});
