import { describe, expect, it } from "vitest";
import { exactRunValue, formatDuration, formatHyperparameter, formatMeanSd, formatRunValue, formatTimestamp } from "./runs-format";

describe("runs formats", () => {
  it("formats durations in the unit that reads best", () => {
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(12_300)).toBe("12.3 s");
    expect(formatDuration(270_000)).toBe("4.5 min");
    expect(formatDuration(8_280_000)).toBe("2.3 h");
    expect(formatDuration(216_000_000)).toBe("2.5 d");
  });

  it("formats each kind of value, and gives the exact one for the title", () => {
    expect(formatRunValue("ratio", 0.91234)).toBe("91.2%");
    expect(formatRunValue("loss", 0.24567)).toBe("0.246");
    expect(formatRunValue("count", 12345)).toBe("12,345");
    expect(formatRunValue("date", "2026-01-31T14:02:09.123Z")).toBe("2026-01-31 14:02");
    expect(formatRunValue("ratio", null)).toBeNull();
    expect(exactRunValue("ratio", 0.91234)).toBe("0.91234");
    expect(exactRunValue("duration", 270_000)).toBe("270,000 ms");
    expect(formatTimestamp("2026-01-31T14:02:09.123Z")).toBe("2026-01-31 14:02");
  });

  it("shows hyperparameters as stored", () => {
    expect(formatHyperparameter(0.0001)).toBe("0.0001");
    expect(formatHyperparameter(true)).toBe("true");
    expect(formatHyperparameter([64, 32])).toBe("[64,32]");
    expect(formatHyperparameter(null)).toBeNull();
  });

  it("writes mean ± sd per kind, and the mean alone without an sd", () => {
    expect(formatMeanSd("ratio", 0.9, 0.012)).toBe("90.0 ± 1.2%");
    expect(formatMeanSd("ratio", 0.9, null)).toBe("90.0%");
    expect(formatMeanSd("loss", 0.2456, 0.0123)).toBe("0.246 ± 0.012");
    expect(formatMeanSd("duration", 270_000, 30_000)).toBe("4.5 min ± 30.0 s");
    expect(formatMeanSd("loss", null, null)).toBeNull();
  });
});
