import { describe, expect, it } from "vitest";
import { classificationReport, compareLabels, type ReportRow } from "./classification-report";

const close = (actual: number | null, expected: number) => {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1e-12);
};

const rowsOf = (actual: string[], predicted: string[], confidence: (number | null)[] = actual.map(() => null)): ReportRow[] =>
  actual.map((value, i) => ({ actual: value, predicted: predicted[i]!, confidence: confidence[i]! }));

describe("classificationReport", () => {
  // The example of scikit-learn's classification_report documentation: y_true = [0, 1, 2, 2, 2],
  // y_pred = [0, 0, 2, 2, 1] gives precision [0.50, 0.00, 1.00], recall [1.00, 0.00, 0.67],
  // f1 [0.67, 0.00, 0.80], support [1, 1, 3], accuracy 0.60, macro avg f1 0.49.
  it("reproduces scikit-learn's documented classification_report example", () => {
    const report = classificationReport(rowsOf(["0", "1", "2", "2", "2"], ["0", "0", "2", "2", "1"]));
    expect(report.confusion).toEqual({ labels: ["0", "1", "2"], matrix: [[1, 0, 0], [1, 0, 0], [0, 1, 2]] });
    close(report.accuracy, 0.6);
    close(report.perClass["0"]!.precision, 0.5);
    close(report.perClass["1"]!.precision, 0);
    close(report.perClass["2"]!.precision, 1);
    close(report.perClass["0"]!.recall, 1);
    close(report.perClass["1"]!.recall, 0);
    close(report.perClass["2"]!.recall, 2 / 3);
    close(report.perClass["0"]!.f1, 2 / 3);
    close(report.perClass["1"]!.f1, 0);
    close(report.perClass["2"]!.f1, 0.8);
    expect(report.perClass["2"]!.support).toBe(3);
    close(report.macro.precision, 0.5);
    close(report.macro.recall, 5 / 9);
    close(report.macro.f1, (2 / 3 + 0 + 0.8) / 3); // 0.4889
    expect(report.brier).toBeNull();
    expect(report.ece).toBeNull();
  });

  /*
   * Worked by hand. Rows (predicted → actual, confidence):
   *   1 cat→cat 0.95 ✓  2 cat→dog 0.85 ✗  3 dog→dog 0.65 ✓  4 bird→dog 0.62 ✗  5 dog→dog null ✓  6 cat→cat 1.0 ✓
   * Labels = sorted(actual ∪ predicted) = [bird, cat, dog]; "bird" is only ever predicted.
   * Confusion (rows actual): bird [0 0 0], cat [0 2 0], dog [1 1 2]. Accuracy 4/6.
   *   bird: tp 0, predicted 1, support 0 → P 0, R 0 (zero_division = 0), F1 0
   *   cat:  tp 2, predicted 3, support 2 → P 2/3, R 1, F1 = 2·(2/3)·1/(5/3) = 0.8
   *   dog:  tp 2, predicted 2, support 4 → P 1, R 1/2, F1 = 2·1·(1/2)/(3/2) = 2/3
   *   macro P = (0 + 2/3 + 1)/3 = 5/9, R = (0 + 1 + 1/2)/3 = 1/2, F1 = (0 + 0.8 + 2/3)/3 = 22/45.
   * Brier over the 5 rows with a confidence: (0.05² + 0.85² + 0.35² + 0.62² + 0²)/5 = 1.2319/5 = 0.24638.
   * ECE bins: 9 = rows 1, 6 (acc 1, mean conf 0.975) → 0.025·2/5 = 0.01; 8 = row 2 (acc 0, conf 0.85) → 0.85·1/5 = 0.17;
   *   6 = rows 3, 4 (acc 1/2, mean conf 0.635) → 0.135·2/5 = 0.054. ECE = 0.234. Row 5 is left out of both only.
   */
  const handRows: ReportRow[] = [
    { predicted: "cat", actual: "cat", confidence: 0.95 },
    { predicted: "cat", actual: "dog", confidence: 0.85 },
    { predicted: "dog", actual: "dog", confidence: 0.65 },
    { predicted: "bird", actual: "dog", confidence: 0.62 },
    { predicted: "dog", actual: "dog", confidence: null },
    { predicted: "cat", actual: "cat", confidence: 1 },
  ];

  it("counts a label that is only predicted, with precision, recall and F1 of 0, in the macro average", () => {
    const report = classificationReport(handRows);
    expect(report.confusion).toEqual({ labels: ["bird", "cat", "dog"], matrix: [[0, 0, 0], [0, 2, 0], [1, 1, 2]] });
    expect(report.perClass.bird).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
    close(report.perClass.cat!.precision, 2 / 3);
    close(report.perClass.cat!.f1, 0.8);
    close(report.perClass.dog!.recall, 0.5);
    close(report.perClass.dog!.f1, 2 / 3);
    expect(report.perClass.dog!.support).toBe(4);
    close(report.accuracy, 4 / 6);
    close(report.macro.precision, 5 / 9);
    close(report.macro.recall, 0.5);
    close(report.macro.f1, 22 / 45);
  });

  it("computes Brier and ECE over the rows with a confidence only, confidence 1.0 in the top bin", () => {
    const report = classificationReport(handRows);
    close(report.brier, 0.24638);
    close(report.ece, 0.234);
  });

  it("puts a confidence exactly on a bin edge into the upper bin (⌊c·10⌋)", () => {
    // 0.7 → bin 7 with 0.79 (acc 1/2, mean 0.745) → |0.5 − 0.745| = 0.245; had 0.7 fallen in bin 6 the ECE would be
    // (0.3 + 0.21)/2 = 0.255.
    const report = classificationReport([
      { predicted: "a", actual: "a", confidence: 0.7 },
      { predicted: "a", actual: "b", confidence: 0.79 },
    ]);
    close(report.ece, 0.245);
  });

  it("a perfectly calibrated set has ECE 0 and the Brier score of its Bernoulli outcomes", () => {
    // Bin 5: four rows at 0.5, two right → |0.5 − 0.5| = 0. Brier = 4 · 0.25 / 4 = 0.25.
    const report = classificationReport(rowsOf(["a", "a", "a", "a"], ["a", "b", "a", "b"], [0.5, 0.5, 0.5, 0.5]));
    close(report.ece, 0);
    close(report.brier, 0.25);
  });

  it("returns nulls, an empty matrix and no classes for no rows, never NaN", () => {
    expect(classificationReport([])).toEqual({
      accuracy: null,
      macro: { precision: null, recall: null, f1: null },
      perClass: {},
      confusion: { labels: [], matrix: [] },
      brier: null,
      ece: null,
    });
  });

  it("sorts labels by code point as NumPy does: upper case before lower case, astral characters last", () => {
    const report = classificationReport(rowsOf(["b", "B", "😀", "\uff5e"], ["Z", "b", "a", "b"]));
    expect(report.confusion.labels).toEqual(["B", "Z", "a", "b", "\uff5e", "😀"]);
    expect(compareLabels("\uff5e", "😀")).toBeLessThan(0);
  });

  it("keeps any label as a key, even one named like an Object property", () => {
    const report = classificationReport(rowsOf(["__proto__", "constructor"], ["__proto__", "__proto__"]));
    expect(Object.keys(report.perClass)).toEqual(["__proto__", "constructor"]);
    expect(report.perClass["__proto__"]).toEqual({ precision: 0.5, recall: 1, f1: 2 / 3, support: 1 });
  });

  it("refuses a confidence outside [0, 1]", () => {
    expect(() => classificationReport([{ predicted: "a", actual: "a", confidence: 1.2 }])).toThrow(RangeError);
  });
});
