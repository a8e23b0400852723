import { describe, expect, it } from "vitest";
import { csvFields, MAX_CSV_BYTES, MAX_CSV_ROWS, parseGroundTruthCsv } from "./ground-truth-csv";

describe("csvFields", () => {
  it("reads plain, quoted and escaped fields", () => {
    expect(csvFields('p1,"a, b"')).toEqual(["p1", "a, b"]);
    expect(csvFields('p1,"say ""hi"""')).toEqual(["p1", 'say "hi"']);
    expect(csvFields("p1,")).toEqual(["p1", ""]);
  });

  it("refuses unbalanced or misplaced quotes", () => {
    expect(csvFields('p1,"open')).toBeNull();
    expect(csvFields('p1,"a"b')).toBeNull();
    expect(csvFields('p1,a"b')).toBeNull();
  });
});

describe("parseGroundTruthCsv", () => {
  it("returns each label with its line number, skipping blank lines, with CRLF and a BOM", () => {
    const result = parseGroundTruthCsv("\uFEFFprediction_id,actual_value\r\np1,factual\r\n\r\np2, math \r\n");
    expect(result).toEqual({ ok: true, labels: [{ line: 2, predictionId: "p1", actualValue: "factual" }, { line: 4, predictionId: "p2", actualValue: "math" }] });
  });

  it("names every bad line: missing value, too many values, bad quotes, duplicate id", () => {
    const result = parseGroundTruthCsv(["prediction_id,actual_value", "p1,", "p2,a,b", 'p3,"x', "p4,ok", "p4,again"].join("\n"));
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 2, message: "Enter the actual value." },
        { line: 3, message: "Expected 2 values (prediction_id,actual_value), found 3." },
        { line: 4, message: "Unbalanced or misplaced quotes." },
        { line: 6, message: "Prediction p4 appears twice: also on line 5." },
      ],
    });
  });

  it("refuses a wrong header, an empty file, a header alone, and a file too large", () => {
    expect(parseGroundTruthCsv("id,value\np1,a")).toMatchObject({ ok: false, errors: [{ line: 1 }] });
    expect(parseGroundTruthCsv("  \n\n")).toMatchObject({ ok: false, errors: [{ line: null, message: expect.stringContaining("empty") }] });
    expect(parseGroundTruthCsv("prediction_id,actual_value\n")).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining("no predictions") }] });
    expect(parseGroundTruthCsv("prediction_id,actual_value\np1,a", MAX_CSV_BYTES + 1)).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining("too large") }] });
    const many = ["prediction_id,actual_value", ...Array.from({ length: MAX_CSV_ROWS + 1 }, (_, i) => `p${i},a`)].join("\n");
    expect(parseGroundTruthCsv(many)).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining("at most 10,000") }] });
  });

  it("refuses a value with a control character or over 200 characters", () => {
    const result = parseGroundTruthCsv(`prediction_id,actual_value\np1,a\u0007b\np2,${"x".repeat(201)}`);
    expect(result).toMatchObject({ ok: false, errors: [{ line: 2 }, { line: 3 }] });
  });
});
