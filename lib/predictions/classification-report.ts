/**
 * Classification metrics of a model version from its labelled predictions, as scikit-learn reports them
 * (`precision_recall_fscore_support(zero_division=0)`, `confusion_matrix`) plus calibration (Brier score, ECE).
 * The SQL aggregation of the performance page feeds `reportFromCounts` the same counts the rows give here.
 */

export type ReportRow = { predicted: string; actual: string; confidence: number | null };

export type ClassMetrics = { precision: number; recall: number; f1: number; support: number };

export type ClassificationReport = {
  /** Share of rows predicted right; null for no rows. */
  accuracy: number | null;
  /** Unweighted means over every label in actual ∪ predicted; null for no rows. */
  macro: { precision: number | null; recall: number | null; f1: number | null };
  perClass: Record<string, ClassMetrics>;
  /** matrix[i][j] counts rows whose actual is labels[i], predicted as labels[j]. */
  confusion: { labels: string[]; matrix: number[][] };
  /** Mean of (confidence − correct)² over rows with a confidence; null when none has one. */
  brier: number | null;
  /** Expected calibration error over 10 equal-width bins, rows with a confidence only; null when none has one. */
  ece: number | null;
};

/** One bin of confidence, for the reliability diagram: its rows, how many were right, their summed confidence. */
export type CalibrationBin = { count: number; correct: number; confidenceSum: number };

export const CALIBRATION_BINS = 10;

/** The bin of a confidence: ⌊confidence·10⌋, with 1.0 in the top bin. */
export function calibrationBin(confidence: number): number {
  return Math.min(Math.floor(confidence * CALIBRATION_BINS), CALIBRATION_BINS - 1);
}

/** What the report is computed from: the confusion counts and, for rows with a confidence, the bins and Σ(c − y)². */
export type ReportCounts = {
  /** Count of rows by actual label, then predicted label. */
  confusion: Map<string, Map<string, number>>;
  bins: CalibrationBin[];
  squaredErrorSum: number;
};

/** Label order as NumPy's np.unique sorts strings: by Unicode code point (not UTF-16 units, as `<` does). */
export function compareLabels(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const difference = left[i]!.codePointAt(0)! - right[i]!.codePointAt(0)!;
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

export function emptyBins(): CalibrationBin[] {
  return Array.from({ length: CALIBRATION_BINS }, () => ({ count: 0, correct: 0, confidenceSum: 0 }));
}

export function countsOfRows(rows: readonly ReportRow[]): ReportCounts {
  const confusion = new Map<string, Map<string, number>>();
  const bins = emptyBins();
  let squaredErrorSum = 0;
  for (const { predicted, actual, confidence } of rows) {
    const byPredicted = confusion.get(actual) ?? new Map<string, number>();
    byPredicted.set(predicted, (byPredicted.get(predicted) ?? 0) + 1);
    confusion.set(actual, byPredicted);
    if (confidence === null) continue;
    if (!(confidence >= 0 && confidence <= 1)) throw new RangeError(`A confidence must lie in [0, 1], got ${confidence}`);
    const correct = predicted === actual ? 1 : 0;
    const bin = bins[calibrationBin(confidence)]!;
    bin.count += 1;
    bin.correct += correct;
    bin.confidenceSum += confidence;
    squaredErrorSum += (confidence - correct) ** 2;
  }
  return { confusion, bins, squaredErrorSum };
}

/** precision = tp / (tp + fp), recall = tp / (tp + fn), 0 when the denominator is 0; F1 = 0 when both are 0. */
function classMetrics(tp: number, predictedTotal: number, support: number): ClassMetrics {
  const precision = predictedTotal === 0 ? 0 : tp / predictedTotal;
  const recall = support === 0 ? 0 : tp / support;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support };
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

export function reportFromCounts({ confusion, bins, squaredErrorSum }: ReportCounts): ClassificationReport {
  const labelSet = new Set<string>();
  for (const [actual, byPredicted] of confusion) {
    labelSet.add(actual);
    for (const predicted of byPredicted.keys()) labelSet.add(predicted);
  }
  const labels = [...labelSet].sort(compareLabels);
  const matrix = labels.map((actual) => labels.map((predicted) => confusion.get(actual)?.get(predicted) ?? 0));
  const total = matrix.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);

  const classes = labels.map((_, i) => {
    const support = matrix[i]!.reduce((a, b) => a + b, 0);
    const predictedTotal = matrix.reduce((sum, row) => sum + row[i]!, 0);
    return classMetrics(matrix[i]![i]!, predictedTotal, support);
  });
  // fromEntries defines own properties, so even a label such as "__proto__" is a key like any other.
  const perClass: Record<string, ClassMetrics> = Object.fromEntries(labels.map((label, i) => [label, classes[i]!]));
  const correct = labels.reduce((sum, _, i) => sum + matrix[i]![i]!, 0);

  const withConfidence = bins.reduce((sum, bin) => sum + bin.count, 0);
  const ece =
    withConfidence === 0
      ? null
      : bins.reduce((sum, bin) => sum + (bin.count === 0 ? 0 : Math.abs(bin.correct - bin.confidenceSum) / withConfidence), 0);

  return {
    accuracy: total === 0 ? null : correct / total,
    macro:
      labels.length === 0
        ? { precision: null, recall: null, f1: null }
        : {
            precision: mean(classes.map((c) => c.precision)),
            recall: mean(classes.map((c) => c.recall)),
            f1: mean(classes.map((c) => c.f1)),
          },
    perClass,
    confusion: { labels, matrix },
    brier: withConfidence === 0 ? null : squaredErrorSum / withConfidence,
    ece,
  };
}

/**
 * The report of labelled predictions. Labels are the sorted union of actual and predicted values; macro
 * averages weigh every label equally. Rows without a confidence count everywhere except Brier and ECE.
 * No rows: accuracy, macro figures, Brier and ECE are null, perClass is {} and the confusion matrix is empty.
 */
export function classificationReport(rows: readonly ReportRow[]): ClassificationReport {
  return reportFromCounts(countsOfRows(rows));
}
