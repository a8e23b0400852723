import { Badge } from "@/components/ui/badge";
import { Stat } from "@/components/ui/stat";
import { formatCount, formatExact, formatFraction, formatPercent } from "@/lib/format";
import type { RunDetail } from "@/lib/runs/run-detail";
import styles from "./detail.module.css";

const DASH = "\u2014";

/** The four figures at the top of a run's page. */
export function RunFigures({ run }: { run: RunDetail }) {
  const { live } = run;
  return (
    <div className={styles.figures}>
      <Stat
        label="Training accuracy"
        value={run.accuracy === null ? DASH : formatPercent(run.accuracy)}
        exact={run.accuracy === null ? "Not recorded" : formatExact(run.accuracy)}
        detail={<span>F1 {run.f1Score === null ? DASH : formatPercent(run.f1Score)}</span>}
      />
      <Stat
        label="Live accuracy"
        value={live.accuracy === null ? DASH : formatPercent(live.accuracy)}
        exact={live.accuracy === null ? "No labelled predictions yet" : `${formatFraction(live.correct, live.labelled)} correct`}
        detail={
          live.interval ? (
            <>
              <span>
                {formatPercent(live.interval.lower)} – {formatPercent(live.interval.upper)}
              </span>
              {live.trainingVsLive === "above" && (
                <Badge tone="danger" title="Training accuracy lies above the live 95% interval">
                  below training
                </Badge>
              )}
              {live.trainingVsLive === "below" && (
                <Badge tone="success" title="Training accuracy lies below the live 95% interval">
                  above training
                </Badge>
              )}
            </>
          ) : (
            <span>no labels yet</span>
          )
        }
      />
      <Stat
        label="Predictions"
        value={formatCount(live.predictions)}
        detail={<span>{formatCount(live.labelled)} labelled</span>}
      />
      <Stat
        label="A/B tests"
        value={formatCount(run.abTests.length)}
        detail={<span>{formatCount(run.abTests.filter((test) => test.status === "running").length)} running</span>}
      />
    </div>
  );
}
