import { describe, expect, it } from "vitest";
import {
  formatChange,
  formatCompact,
  formatCount,
  formatCountOf,
  formatDay,
  formatExact,
  formatFraction,
  formatLongDay,
  formatPercent,
  formatUtcMinute,
} from "./format";

describe("formatCount", () => {
  it("groups thousands with commas", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(999)).toBe("999");
    expect(formatCount(1234)).toBe("1,234");
    expect(formatCount(1234567)).toBe("1,234,567");
  });

  it("shortens large counts for chart axes", () => {
    expect(formatCompact(0)).toBe("0");
    expect(formatCompact(950)).toBe("950");
    expect(formatCompact(3500)).toBe("3.5K");
    expect(formatCompact(14000)).toBe("14K");
    expect(formatCompact(1_250_000)).toBe("1.3M");
  });

  it("names the thing counted, singular for exactly one", () => {
    expect(formatCountOf(1, "training run")).toBe("1 training run");
    expect(formatCountOf(1234, "training run")).toBe("1,234 training runs");
    expect(formatCountOf(0, "query", "queries")).toBe("0 queries");
  });
});

describe("formatPercent", () => {
  it("rounds a ratio to one decimal of a percent by default", () => {
    expect(formatPercent(0.8531)).toBe("85.3%");
    expect(formatPercent(0.5)).toBe("50.0%");
    expect(formatPercent(0.12345, 2)).toBe("12.35%");
    expect(formatPercent(12.5)).toBe("1,250.0%");
  });

  it("prints exact 0 and 1 without decimals", () => {
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(1)).toBe("100%");
  });

  it("never rounds a non-zero value to 0% or a value below one to 100%", () => {
    expect(formatPercent(0.0004)).toBe("<0.1%");
    expect(formatPercent(0.99996)).toBe(">99.9%");
    expect(formatPercent(0.00004, 2)).toBe("<0.01%");
  });
});

describe("formatChange", () => {
  it("signs rises with + and falls with a true minus sign", () => {
    expect(formatChange(0.125)).toBe("+12.5%");
    expect(formatChange(-0.032)).toBe("\u22123.2%");
    expect(formatChange(0)).toBe("0%");
    expect(formatChange(-1)).toBe("\u2212100%");
  });
});

describe("exact values for titles", () => {
  it("keeps six significant digits of a fraction and groups whole numbers", () => {
    expect(formatExact(0.85312345)).toBe("0.853123");
    expect(formatExact(2 / 3)).toBe("0.666667");
    expect(formatExact(1234)).toBe("1,234");
  });

  it("spells out the fraction behind a percentage", () => {
    expect(formatFraction(853, 1000)).toBe("853 of 1,000 (0.853)");
    expect(formatFraction(0, 0)).toBe("0 of 0");
  });
});

describe("dates", () => {
  it("formats UTC days whatever the machine's time zone", () => {
    expect(formatDay("2026-11-03")).toBe("Nov 3");
    expect(formatLongDay("2026-11-03")).toBe("Tue, Nov 3, 2026");
    expect(formatUtcMinute("2026-11-03T14:02:59.999Z")).toBe("2026-11-03 14:02 UTC");
  });
});
