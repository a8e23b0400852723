-- Covering indexes for the live metrics of one model version (lib/predictions/run-performance.ts), so that a
-- version with a million predictions is aggregated by streaming one index range in group order, with no table
-- lookups and no sort. The queries repeat these expressions verbatim, which is how SQLite matches them.

-- Confusion counts and calibration: grouped by predicted and actual value, verdict and confidence bin
-- (bin = min(⌊confidence·10⌋, 9); NULL without a confidence), summing the confidence.
CREATE INDEX idx_predictions_run_outcomes ON model_predictions (
    model_run_id, prediction, actual_value, is_correct, min(CAST(confidence * 10 AS INTEGER), 9), confidence
);

-- Accuracy per UTC day (drift): grouped by the day of predicted_at.
CREATE INDEX idx_predictions_run_days ON model_predictions (
    model_run_id, substr(predicted_at, 1, 10), is_correct, predicted_at
);
