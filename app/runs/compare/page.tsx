import type { Metadata } from "next";
import { CompareProblem } from "@/components/runs/compare/compare-problem";
import { CompareTable } from "@/components/runs/compare/compare-table";
import { runLabeller } from "@/components/runs/compare/compare-links";
import styles from "@/components/runs/compare/compare.module.css";
import { MetricBars } from "@/components/runs/compare/metric-bars";
import { MetricHistoryCard } from "@/components/runs/compare/metric-history-card";
import { TrainingVsLivePlot } from "@/components/runs/compare/training-vs-live-plot";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatCountOf } from "@/lib/format";
import { loadRunComparison, parseCompareIds } from "@/lib/runs/compare-runs";
import { requireViewer } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Compare runs" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const DESCRIPTION = "Training runs side by side: what changed between them and whether it shows on live traffic.";

function Problem({ problem }: { problem: string }) {
  return (
    <>
      <PageHeader title="Compare runs" description={DESCRIPTION} />
      <CompareProblem problem={problem} />
    </>
  );
}

export default async function CompareRunsPage({ searchParams }: Props) {
  await requireViewer();
  const params = await searchParams;
  const parsed = parseCompareIds(params.ids);
  if (!parsed.ok) return <Problem problem={parsed.problem} />;
  const loaded = await loadRunComparison(parsed.ids);
  if (!loaded.ok) return <Problem problem={loaded.problem} />;

  const { comparison } = loaded;
  const showAll = params.all === "1";
  const label = runLabeller(comparison.runs);
  const names = comparison.runs.map((run) => `${run.modelType} ${run.modelVersion}`);
  return (
    <div className={`${styles.palette} ${styles.stack}`}>
      <PageHeader
        title="Compare runs"
        description={`${formatCountOf(comparison.runs.length, "run")}: ${names.join(", ")}.`}
        aside={<ButtonLink href="/runs">All runs</ButtonLink>}
      />
      <CompareTable comparison={comparison} ids={parsed.ids} showAll={showAll} />
      <Card title="Training metrics" description={`On the full 0–100% scale; at each bar's end its figure and, in brackets, the difference from ${label(comparison.runs[0]!)} in points.`} data-testid="metric-bars">
        <MetricBars
          runs={comparison.runs.map((run) => ({
            id: run.id,
            label: label(run),
            accuracy: run.accuracy,
            precision: run.precision,
            recall: run.recall,
            f1Score: run.f1Score,
          }))}
        />
      </Card>
      <TrainingVsLivePlot runs={comparison.runs} />
      {comparison.histories.map((history) => (
        <MetricHistoryCard key={history.modelType} history={history} />
      ))}
    </div>
  );
}
