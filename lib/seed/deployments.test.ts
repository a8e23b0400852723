import { describe, expect, it } from "vitest";
import { DAY_MS } from "@/lib/time";
import { SHADOW_MS, ServingTimeline } from "./deployments";
import type { RunPlan } from "./runs";

const run = (version: string) => ({ row: { id: version }, liveAccuracy: 0.8, overconfidence: 0 }) as unknown as RunPlan;
const v1 = run("1.0.0");
const v2 = run("1.1.0");
const v3 = run("1.2.0");

describe("ServingTimeline.shadowRun", () => {
  it("is the replaced version for SHADOW_MS after its successor goes live, and nothing otherwise", () => {
    const timeline = new ServingTimeline([{ from: 0, run: v1 }, { from: 20 * DAY_MS, run: v2 }], []);
    expect(timeline.shadowRun(5 * DAY_MS)).toBeNull(); // the first version replaced nothing
    expect(timeline.shadowRun(20 * DAY_MS)).toBe(v1);
    expect(timeline.shadowRun(20 * DAY_MS + SHADOW_MS - 1)).toBe(v1);
    expect(timeline.shadowRun(20 * DAY_MS + SHADOW_MS)).toBeNull();
    expect(timeline.servingRun(21 * DAY_MS)).toBe(v2);
  });

  it("is never a variant of a test running at that time, whose counts are served predictions only", () => {
    const test = { start: 22 * DAY_MS, end: 25 * DAY_MS, a: v2, b: v1, bShare: 0.5, cursor: 0 };
    const timeline = new ServingTimeline([{ from: 0, run: v1 }, { from: 20 * DAY_MS, run: v2 }], [test]);
    expect(timeline.shadowRun(21 * DAY_MS)).toBe(v1);
    expect(timeline.shadowRun(23 * DAY_MS)).toBeNull();
    expect(timeline.shadowRun(26 * DAY_MS)).toBe(v1);
    // A test between other versions leaves the shadow alone.
    const other = new ServingTimeline([{ from: 0, run: v1 }, { from: 20 * DAY_MS, run: v2 }], [{ ...test, a: v2, b: v3 }]);
    expect(other.shadowRun(23 * DAY_MS)).toBe(v1);
  });
});
