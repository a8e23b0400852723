import { describe, expect, it } from "vitest";
import { formatDurationMs, formatLoss, runName } from "./run-display";

describe("formatDurationMs", () => {
  it.each([
    [0, "0 ms"],
    [850, "850 ms"],
    [1_000, "1 s"],
    [12_500, "12.5 s"],
    [59_940, "59.9 s"],
    [60_000, "1 min 0 s"],
    [252_000, "4 min 12 s"],
    [299_600, "5 min 0 s"],
    [3_600_000, "1 h 0 min"],
    [12_300_000, "3 h 25 min"],
    [86_400_000 * 2 + 3_600_000 * 5, "2 d 5 h"],
  ])("%d ms → %s", (ms, text) => {
    expect(formatDurationMs(ms)).toBe(text);
  });
});

describe("formatLoss and runName", () => {
  it("rounds losses to four decimals and names runs by type and version", () => {
    expect(formatLoss(0.21504)).toBe("0.215");
    expect(formatLoss(1.234567)).toBe("1.2346");
    expect(formatLoss(0)).toBe("0");
    expect(runName({ modelType: "classifier", modelVersion: "1.2.0" })).toBe("classifier 1.2.0");
  });
});
