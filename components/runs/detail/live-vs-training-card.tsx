import { Card } from "@/components/ui/card";
import { formatFraction, formatPercent } from "@/lib/format";
import type { RunDetail } from "@/lib/runs/run-detail";
import styles from "./detail.module.css";
import { Count, IntervalText, Missing, Percent } from "./values";

const FLAG_CLASS = { above: styles.flagAbove, below: styles.flagBelow, inside: styles.flagInside, none: styles.flagNone };

/** What the training accuracy says against the live 95% interval, in words. */
function TrainingFlag({ run }: { run: RunDetail }) {
  const { live, accuracy } = run;
  let text: string;
  let kind: keyof typeof FLAG_CLASS;
  if (live.trainingVsLive === null || live.interval === null || accuracy === null) {
    kind = "none";
    text =
      live.labelled === 0
        ? "No labelled predictions yet, so there is nothing to hold the training accuracy against."
        : "No training accuracy was recorded, so there is nothing to hold the live accuracy against.";
  } else {
    const interval = `${formatPercent(live.interval.lower)} – ${formatPercent(live.interval.upper)}`;
    kind = live.trainingVsLive;
    text =
      live.trainingVsLive === "above"
        ? `Training accuracy ${formatPercent(accuracy)} lies above the live 95% interval (${interval}): the model does worse on live traffic than its evaluation promised.`
        : live.trainingVsLive === "below"
          ? `Training accuracy ${formatPercent(accuracy)} lies below the live 95% interval (${interval}): the model does better live than in evaluation.`
          : `Training accuracy ${formatPercent(accuracy)} lies inside the live 95% interval (${interval}): no evidence that live accuracy differs.`;
  }
  return (
    <p className={`${styles.flag} ${FLAG_CLASS[kind]}`} data-testid="live-flag" data-flag={kind}>
      {text}
    </p>
  );
}

/** Mean confidence against live accuracy: a model sure of itself beyond what it gets right is over-confident. */
function Calibration({ run }: { run: RunDetail }) {
  const { live } = run;
  if (live.avgConfidence === null || live.interval === null || live.accuracy === null) return null;
  const points = (live.avgConfidence - live.accuracy) * 100;
  const verdict =
    live.avgConfidence > live.interval.upper
      ? "over-confident"
      : live.avgConfidence < live.interval.lower
        ? "under-confident"
        : "calibrated within the interval";
  return (
    <p className={styles.calibration} data-testid="live-calibration">
      Average confidence is {Math.abs(points).toFixed(1)} pts {points >= 0 ? "above" : "below"} live accuracy: {verdict}.
    </p>
  );
}

/** Training metrics beside live metrics from the run's predictions (the v_model_performance view). */
export function LiveVsTrainingCard({ run }: { run: RunDetail }) {
  const { live } = run;
  return (
    <Card title="Training vs live" description="Live accuracy is over labelled predictions only, with its 95% Wilson interval.">
      <div className={styles.liveFigure}>
        <span className={`${styles.liveValue} num`}>
          <Percent
            value={live.accuracy}
            testId="live-accuracy"
            title={live.accuracy === null ? undefined : `${formatFraction(live.correct, live.labelled)} correct`}
          />
        </span>
        {live.interval ? (
          <span className={styles.muted}>
            95% interval <IntervalText lower={live.interval.lower} upper={live.interval.upper} testId="live-interval" />
          </span>
        ) : (
          <span className={styles.muted}>no labels yet</span>
        )}
      </div>
      <dl className={styles.facts}>
        <dt>Training accuracy</dt>
        <dd>
          <Percent value={run.accuracy} testId="live-training-accuracy" />
        </dd>
        <dt>Predictions</dt>
        <dd>
          <Count value={live.predictions} testId="live-predictions" />
        </dd>
        <dt>Labelled</dt>
        <dd>
          <Count value={live.labelled} testId="live-labelled" />
          {live.predictions > 0 && <span className={styles.muted}> ({formatPercent(live.labelled / live.predictions)} of predictions)</span>}
        </dd>
        <dt>Correct</dt>
        <dd>
          <Count value={live.correct} testId="live-correct" />
        </dd>
        <dt>Average confidence</dt>
        <dd>{live.avgConfidence === null ? <Missing title="No confidences recorded" testId="live-avg-confidence" /> : <Percent value={live.avgConfidence} testId="live-avg-confidence" />}</dd>
      </dl>
      <TrainingFlag run={run} />
      <Calibration run={run} />
    </Card>
  );
}
