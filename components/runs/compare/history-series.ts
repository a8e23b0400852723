/** The lines of the version-history chart: the four training metrics and live accuracy (dashed). */
export const HISTORY_SERIES = [
  { key: "accuracy", name: "Accuracy", color: "var(--series-accuracy)", dashed: false },
  { key: "precision", name: "Precision", color: "var(--series-precision)", dashed: false },
  { key: "recall", name: "Recall", color: "var(--series-recall)", dashed: false },
  { key: "f1Score", name: "F1 score", color: "var(--series-f1)", dashed: false },
  { key: "liveAccuracy", name: "Live accuracy", color: "var(--series-live)", dashed: true },
] as const;
