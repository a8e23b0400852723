import { Badge } from "@/components/ui/badge";
import { Stat } from "@/components/ui/stat";
import { formatChange, formatCount, formatExact, formatFraction, formatPercent, formatUtcMinute } from "@/lib/format";
import { abTestSummary } from "@/lib/overview/ab-tests";
import { weeklyQueryVolume, type Change } from "@/lib/overview/query-volume";
import type { RecordCounts } from "@/lib/overview/record-counts";
import { trainingRunSummary } from "@/lib/overview/training-runs";
import styles from "./overview.module.css";

function ChangeBadge({ change }: { change: Change }) {
  if (change.kind === "new") {
    return (
      <Badge tone="accent" data-testid="queries-7d-change" title="No queries in the 7 days before">
        new
      </Badge>
    );
  }
  if (change.kind === "none") {
    return (
      <Badge data-testid="queries-7d-change" title="No queries in either week">
        no change
      </Badge>
    );
  }
  const tone = change.ratio > 0 ? "success" : change.ratio < 0 ? "danger" : "neutral";
  return (
    <Badge tone={tone} data-testid="queries-7d-change" title={`Relative change ${formatExact(change.ratio)}`}>
      {formatChange(change.ratio)}
    </Badge>
  );
}

/** The four figures at the top of the overview. */
export async function HeadlineFigures({ now, counts }: { now: Date; counts: RecordCounts }) {
  const [runs, abTests, volume] = await Promise.all([trainingRunSummary(), abTestSummary(), weeklyQueryVolume(now)]);
  return (
    <div className={styles.figures}>
      <Stat
        label="Training runs"
        value={formatCount(runs.total)}
        testId="runs-total"
        href="/runs"
        detail={
          <span>
            <span className="num" data-testid="runs-completed">{formatCount(runs.completed)}</span> completed ·{" "}
            <span className="num" data-testid="runs-running">{formatCount(runs.running)}</span> running
          </span>
        }
      />
      <Stat
        label="A/B tests running"
        value={formatCount(abTests.running)}
        testId="ab-tests-running"
        href="/ab-tests"
        detail={
          <span>
            <span className="num" data-testid="ab-tests-closed">{formatCount(abTests.closed)}</span> closed
          </span>
        }
      />
      <Stat
        label="Queries, last 7 days"
        value={formatCount(volume.current)}
        testId="queries-7d-current"
        href="/telemetry"
        data-window-end={volume.windowEnd}
        exact={`${formatCount(volume.current)} queries from ${formatUtcMinute(volume.currentStart)} to ${formatUtcMinute(volume.windowEnd)}`}
        detail={
          <>
            <ChangeBadge change={volume.change} />
            <span>
              vs <span className="num" data-testid="queries-7d-previous">{formatCount(volume.previous)}</span> the week
              before
            </span>
          </>
        }
      />
      <Stat
        label="Labelled predictions"
        value={formatCount(counts.labelledPredictions)}
        testId="predictions-labelled"
        href="/predictions"
        exact={formatFraction(counts.labelledPredictions, counts.predictions)}
        detail={
          <span>
            of <span className="num" data-testid="predictions-total">{formatCount(counts.predictions)}</span>{" "}
            predictions
            {counts.predictions > 0 && ` (${formatPercent(counts.labelledPredictions / counts.predictions)})`}
          </span>
        }
      />
    </div>
  );
}
