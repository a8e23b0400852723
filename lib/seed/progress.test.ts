import { describe, expect, it } from "vitest";
import { createProgressBar, formatDuration, renderBar } from "./progress";

describe("renderBar", () => {
  it("shows the bar, percent, rows, rows per second and the ETA from the elapsed time", () => {
    // 25% done after 10 s: the remaining 75% takes 30 s at the same pace. 50,000 rows in 10 s = 5,000 rows/s.
    expect(renderBar("seeding", 0.25, 50_000, 10_000, "2026-09-01")).toBe(
      "seeding [######------------------]  25%  50,000 rows  5,000 rows/s  ETA 0:30  2026-09-01",
    );
    expect(renderBar("seeding", 0, 0, 0, "")).toContain("ETA --:--");
  });
});

describe("formatDuration", () => {
  it("writes m:ss below an hour and h:mm:ss above", () => {
    expect(formatDuration(42_000)).toBe("0:42");
    expect(formatDuration(754_000)).toBe("12:34");
    expect(formatDuration(3_723_000)).toBe("1:02:03");
  });
});

describe("createProgressBar", () => {
  it("prints one line per 5% step when stderr is not a terminal", () => {
    const lines: string[] = [];
    let t = 0;
    const bar = createProgressBar("seeding", 100, { write: (s: string) => lines.push(s), isTTY: false }, () => t);
    for (let i = 0; i < 100; i++) {
      t += 10;
      bar.advance(1, 1_000);
    }
    bar.finish();
    expect(lines).toHaveLength(21); // 0%, 5%, …, 100%: steps of 5 units; the first advance is step 0
    expect(lines.every((line) => line.endsWith("\n") && !line.includes("\r"))).toBe(true);
    expect(lines[20]).toContain("100%  100,000 rows  100,000 rows/s");
  });

  it("redraws in place with \\r on a terminal, at most every 100 ms, and ends the line when finished", () => {
    const writes: string[] = [];
    let t = 0;
    const bar = createProgressBar("seeding", 10, { write: (s: string) => writes.push(s), isTTY: true }, () => t);
    bar.advance(1, 10); // drawn (first)
    t = 50;
    bar.advance(1, 10); // within 100 ms: skipped
    t = 200;
    bar.advance(1, 10); // drawn
    bar.finish();
    expect(writes.filter((w) => w.startsWith("\r"))).toHaveLength(3);
    expect(writes[writes.length - 1]).toBe("\n");
  });
});
