import { describe, expect, it } from "vitest";
import { seedDatabase } from "@/lib/seed/seed";
import { TEST_ANCHOR, TEST_KEY } from "@/lib/seed/test-helpers";
import { createTempDatabase } from "@/lib/test-support/temp-db";
import { isPredictionCorrect, isPredictionType, labelOf, storedLabel } from "./prediction-value";

describe("labelOf", () => {
  it("reads a JSON string as its text and other JSON canonically", () => {
    expect(labelOf('"factual"')).toBe("factual");
    expect(labelOf("3")).toBe("3");
    expect(labelOf("true")).toBe("true");
    expect(labelOf('{"b":1,"a":[2,"x"]}')).toBe('{"a":[2,"x"],"b":1}');
  });

  it("round-trips a stored label, quotes and all", () => {
    expect(labelOf(storedLabel('say "hi"'))).toBe('say "hi"');
  });
});

describe("isPredictionCorrect", () => {
  it("is true only for the same label, case and spacing included", () => {
    expect(isPredictionCorrect("classification", '"factual"', '"factual"')).toBe(true);
    expect(isPredictionCorrect("classification", '"factual"', '"Factual"')).toBe(false);
    expect(isPredictionCorrect("routing", '"fast"', '"fast "')).toBe(false);
  });

  it("compares a numeric prediction with the label a person typed for it", () => {
    expect(isPredictionCorrect("optimization", "3", storedLabel("3"))).toBe(true);
    expect(isPredictionCorrect("optimization", "3", storedLabel("4"))).toBe(false);
  });

  it("compares objects regardless of key order", () => {
    expect(isPredictionCorrect("routing", '{"a":1,"b":2}', '{"b":2,"a":1}')).toBe(true);
  });
});

describe("the seeder's labels", () => {
  it("agree with isPredictionCorrect on every labelled prediction", { timeout: 60_000 }, async () => {
    const temp = createTempDatabase();
    try {
      seedDatabase(temp.sqlite, { size: "small", seed: 3, anchor: TEST_ANCHOR, key: TEST_KEY });
      const rows = temp.sqlite
        .prepare("SELECT prediction_type, prediction, actual_value, is_correct FROM model_predictions WHERE actual_value IS NOT NULL")
        .all() as { prediction_type: string; prediction: string; actual_value: string; is_correct: number }[];
      expect(rows.length).toBeGreaterThan(100);
      expect(new Set(rows.map((row) => row.is_correct))).toEqual(new Set([0, 1]));
      const disagreeing = rows.filter((row) => {
        if (!isPredictionType(row.prediction_type)) return true;
        return isPredictionCorrect(row.prediction_type, row.prediction, row.actual_value) !== (row.is_correct === 1);
      });
      expect(disagreeing).toEqual([]);
    } finally {
      await temp.close();
    }
  });
});
