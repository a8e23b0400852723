import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatCount } from "@/lib/format";
import type { RunAbTest, RunDetail } from "@/lib/runs/run-detail";
import styles from "./detail.module.css";
import { Percent, UtcTime } from "./values";
import stacked from "@/components/ui/stacked-table.module.css";

const OUTCOME: Record<NonNullable<RunAbTest["outcome"]>, { tone: "success" | "danger" | "neutral"; text: string }> = {
  won: { tone: "success", text: "won" },
  lost: { tone: "danger", text: "lost" },
  tie: { tone: "neutral", text: "tie" },
};

function Outcome({ test }: { test: RunAbTest }) {
  if (test.outcome === null) return <span className={styles.muted}>undecided</span>;
  const { tone, text } = OUTCOME[test.outcome];
  return (
    <Badge tone={tone} title={`Recorded winner: ${test.winner === "tie" ? "tie" : `variant ${test.winner}`}`}>
      {text}
    </Badge>
  );
}

/** The A/B tests this run took part in, from its side: as variant A or B, against which version, and the result. */
export function RunAbTestsCard({ run }: { run: RunDetail }) {
  const tests = run.abTests;
  return (
    <Card
      title="A/B tests"
      description="Tests this run took part in, newest first; samples and success rate are this run's side."
      action={<Link href="/ab-tests">All A/B tests</Link>}
      flush
    >
      {tests.length === 0 ? (
        <p className={styles.cardEmpty} data-testid="run-ab-tests-empty">
          This run has not been in an A/B test. Test it against another version on live traffic from the A/B tests page.
        </p>
      ) : (
        <table className={`${styles.table} ${stacked.grid}`} data-testid="run-ab-tests">
          <thead>
            <tr>
              <th scope="col">Test</th>
              <th scope="col">As</th>
              <th scope="col">Against</th>
              <th scope="col">Status</th>
              <th scope="col">Started</th>
              <th scope="col" className={styles.numeric}>
                Samples
              </th>
              <th scope="col" className={styles.numeric}>
                Success rate
              </th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {tests.map((test) => (
              <tr key={test.id} data-testid="run-ab-test" data-test-id={test.id}>
                <th scope="row">
                  <Link href={`/ab-tests/${test.id}`}>{test.name}</Link>
                </th>
                <td data-label="As">variant {test.role}</td>
                <td data-label="Against">
                  <Link href={`/runs/${test.other.id}`} className={styles.mono}>
                    {test.other.modelVersion}
                  </Link>
                </td>
                <td data-label="Status">
                  <Badge tone={test.status === "running" ? "accent" : "neutral"}>{test.status}</Badge>
                </td>
                <td data-label="Started" className={styles.nowrap}>
                  <UtcTime iso={test.startedAt} />
                </td>
                <td data-label="Samples" className={`num ${styles.numeric}`} title={`${formatCount(test.otherSamples)} for ${test.other.modelVersion}`}>
                  {formatCount(test.samples)}
                  <span className={styles.muted}> vs {formatCount(test.otherSamples)}</span>
                </td>
                <td data-label="Success rate" className={`num ${styles.numeric}`}>
                  <Percent value={test.successRate} />
                  <span className={styles.muted}>
                    {" "}
                    vs <Percent value={test.otherSuccessRate} />
                  </span>
                </td>
                <td data-label="Result">
                  <Outcome test={test} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
