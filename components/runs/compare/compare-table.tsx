import Link from "next/link";
import type { ReactNode } from "react";
import { HyperparameterValueView } from "@/components/runs/detail/hyperparameters-card";
import { RunStatusBadge } from "@/components/runs/detail/run-facts-card";
import { Count, Duration, IntervalText, Loss, Missing, Percent, UtcTime } from "@/components/runs/detail/values";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatCountOf } from "@/lib/format";
import type { ComparedRun, RunComparison } from "@/lib/runs/compare-runs";
import { MODEL_TYPE_LABELS } from "@/lib/runs/model-types";
import { compareHref } from "./compare-links";
import styles from "./compare.module.css";

type Direction = "higher" | "lower";

/** The columns holding the best value of a row: only when at least two runs have a value and they are not all equal. */
function bestColumns(values: (number | null)[], better: Direction): Set<number> {
  const present = values.filter((value): value is number => value !== null);
  if (present.length < 2 || present.every((value) => value === present[0])) return new Set();
  const best = better === "higher" ? Math.max(...present) : Math.min(...present);
  return new Set(values.flatMap((value, i) => (value === best ? [i] : [])));
}

function Row({ label, children, testId }: { label: ReactNode; children: ReactNode[]; testId?: string }) {
  return (
    <tr data-testid={testId}>
      <th scope="row" className={styles.fieldHeader}>
        {label}
      </th>
      {children.map((cell, i) => (
        <td key={i}>{cell}</td>
      ))}
    </tr>
  );
}

function MetricRow({
  label,
  runs,
  value,
  better,
  render,
  testId,
}: {
  label: string;
  runs: ComparedRun[];
  value: (run: ComparedRun) => number | null;
  better: Direction;
  render: (value: number | null) => ReactNode;
  testId: string;
}) {
  const values = runs.map(value);
  const best = bestColumns(values, better);
  return (
    <Row label={label} testId={testId}>
      {values.map((v, i) =>
        best.has(i) ? (
          <span key={i} className={styles.best} title={`The ${better === "higher" ? "highest" : "lowest"} of the compared runs`}>
            {render(v)}
            <span className="visually-hidden"> (best)</span>
          </span>
        ) : (
          <span key={i}>{render(v)}</span>
        ),
      )}
    </Row>
  );
}

function SectionHeading({ colSpan, title, children }: { colSpan: number; title: string; children?: ReactNode }) {
  return (
    <tr className={styles.section}>
      <th scope="colgroup" colSpan={colSpan}>
        <div className={styles.sectionRow}>
          <span>{title}</span>
          {children}
        </div>
      </th>
    </tr>
  );
}

const FLAG: Record<NonNullable<ComparedRun["live"]["trainingVsLive"]>, { tone: "danger" | "success" | "neutral"; text: string; title: string }> = {
  above: { tone: "danger", text: "training above live", title: "Training accuracy lies above the live 95% interval" },
  below: { tone: "success", text: "training below live", title: "Training accuracy lies below the live 95% interval" },
  inside: { tone: "neutral", text: "consistent", title: "Training accuracy lies inside the live 95% interval" },
};

/** The runs side by side, one column each; hyperparameters only where they differ unless all are asked for. */
export function CompareTable({ comparison, ids, showAll }: { comparison: RunComparison; ids: string[]; showAll: boolean }) {
  const { runs, hyperparameters } = comparison;
  const columns = runs.length + 1;
  const differing = hyperparameters.filter((row) => row.differs);
  const shown = showAll ? hyperparameters : differing;
  const toggle = showAll
    ? { href: compareHref(ids, false), text: differing.length === 1 ? "Show only the one that differs" : `Show only the ${differing.length} that differ` }
    : { href: compareHref(ids, true), text: `Show all ${formatCountOf(hyperparameters.length, "hyperparameter")}` };

  return (
    <Card title="Side by side" description="Best training metric of each row in bold; times in UTC." flush>
      <div className={styles.scroll}>
        <table className={styles.table} data-testid="compare-table">
          <caption className="visually-hidden">The compared runs, one column each</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.fieldHeader}>
                Field
              </th>
              {runs.map((run) => (
                <th key={run.id} scope="col" data-testid="compare-run" data-run-id={run.id}>
                  <div className={styles.runHeading}>
                    <span className={styles.runType}>{MODEL_TYPE_LABELS[run.modelType]}</span>
                    <Link href={`/runs/${run.id}`} className={styles.runVersion}>
                      {run.modelVersion}
                    </Link>
                    <span className={styles.runActions}>
                      <RunStatusBadge status={run.status} />
                      {runs.length > 2 && (
                        <Link href={compareHref(ids.filter((id) => id !== run.id), showAll)} aria-label={`Remove ${run.modelType} ${run.modelVersion} from the comparison`}>
                          remove
                        </Link>
                      )}
                    </span>
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <SectionHeading colSpan={columns} title="Run" />
            <Row label="Started">{runs.map((run) => <UtcTime key={run.id} iso={run.startedAt} />)}</Row>
            <Row label="Completed">
              {runs.map((run) => (run.completedAt === null ? <Missing key={run.id} title="Still training" /> : <UtcTime key={run.id} iso={run.completedAt} />))}
            </Row>
            <Row label="Training duration">{runs.map((run) => <Duration key={run.id} ms={run.trainingDurationMs} />)}</Row>
            <Row label="Training samples">{runs.map((run) => <Count key={run.id} value={run.trainingSamples} />)}</Row>
            <Row label="Validation samples">{runs.map((run) => <Count key={run.id} value={run.validationSamples} />)}</Row>
            <Row label="Test samples">{runs.map((run) => <Count key={run.id} value={run.testSamples} />)}</Row>
            <Row label="Feature set">
              {runs.map((run) => (run.featureSetVersion === null ? <Missing key={run.id} /> : <span key={run.id} className={styles.mono}>{run.featureSetVersion}</span>))}
            </Row>

            <SectionHeading colSpan={columns} title="Training metrics" />
            <MetricRow label="Accuracy" runs={runs} value={(run) => run.accuracy} better="higher" render={(v) => <Percent value={v} />} testId="compare-accuracy" />
            <MetricRow label="Precision" runs={runs} value={(run) => run.precision} better="higher" render={(v) => <Percent value={v} />} testId="compare-precision" />
            <MetricRow label="Recall" runs={runs} value={(run) => run.recall} better="higher" render={(v) => <Percent value={v} />} testId="compare-recall" />
            <MetricRow label="F1 score" runs={runs} value={(run) => run.f1Score} better="higher" render={(v) => <Percent value={v} />} testId="compare-f1" />
            <MetricRow label="Training loss" runs={runs} value={(run) => run.trainingLoss} better="lower" render={(v) => <Loss value={v} />} testId="compare-training-loss" />
            <MetricRow label="Validation loss" runs={runs} value={(run) => run.validationLoss} better="lower" render={(v) => <Loss value={v} />} testId="compare-validation-loss" />

            <SectionHeading colSpan={columns} title="Live, from predictions" />
            <Row label="Live accuracy" testId="compare-live-accuracy">
              {runs.map((run) => (
                <span key={run.id}>
                  <Percent value={run.live.accuracy} />
                  {run.live.interval && (
                    <span className={styles.sub}>
                      <IntervalText lower={run.live.interval.lower} upper={run.live.interval.upper} />
                    </span>
                  )}
                </span>
              ))}
            </Row>
            <Row label="Labelled / predictions" testId="compare-labelled">
              {runs.map((run) => (
                <span key={run.id} className={styles.numeric}>
                  <Count value={run.live.labelled} /> / <Count value={run.live.predictions} />
                </span>
              ))}
            </Row>
            <Row label="Average confidence">{runs.map((run) => <Percent key={run.id} value={run.live.avgConfidence} />)}</Row>
            <Row label="Training vs live" testId="compare-flag">
              {runs.map((run) => {
                const flag = run.live.trainingVsLive;
                return flag === null ? (
                  <Missing key={run.id} title="Needs both a training accuracy and labelled predictions" />
                ) : (
                  <Badge key={run.id} tone={FLAG[flag].tone} title={FLAG[flag].title}>
                    {FLAG[flag].text}
                  </Badge>
                );
              })}
            </Row>

            <SectionHeading colSpan={columns} title="Hyperparameters">
              <span className={styles.sectionNote} data-testid="hyperparameters-summary">
                {showAll
                  ? `All ${formatCountOf(hyperparameters.length, "key")}; ${differing.length === 0 ? "none differ" : `the ${differing.length} that differ are highlighted`}.`
                  : differing.length === 0
                    ? `The runs agree on all ${formatCountOf(hyperparameters.length, "key")}.`
                    : `Only the ${formatCountOf(differing.length, "key")} that ${differing.length === 1 ? "differs" : "differ"}, of ${hyperparameters.length}.`}
              </span>
              {hyperparameters.length > 0 && differing.length !== hyperparameters.length && (
                <Link href={toggle.href} data-testid="hyperparameters-toggle" scroll={false}>
                  {toggle.text}
                </Link>
              )}
            </SectionHeading>
            {shown.map((row) => (
              <tr key={row.key} data-testid="compare-hyperparameter" data-key={row.key} data-differs={row.differs}>
                <th scope="row" className={`${styles.fieldHeader} ${styles.mono}`}>
                  {row.key}
                </th>
                {row.values.map((value, i) => (
                  <td key={i} className={showAll && row.differs ? styles.differs : undefined}>
                    {value === null ? <span className={styles.notSet}>not set</span> : <HyperparameterValueView value={value} />}
                  </td>
                ))}
              </tr>
            ))}

            <SectionHeading colSpan={columns} title="Notes" />
            <Row label="Notes">
              {runs.map((run) =>
                run.notes === null ? (
                  <Missing key={run.id} title="No notes" />
                ) : (
                  <span key={run.id} className={styles.notes} title={run.notes}>
                    {run.notes}
                  </span>
                ),
              )}
            </Row>
          </tbody>
        </table>
      </div>
    </Card>
  );
}
