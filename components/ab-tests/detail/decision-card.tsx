import { Card } from "@/components/ui/card";
import type { AbTestRecord } from "@/lib/ab-tests/ab-test-row";
import { formatCount, formatPercent, formatUtcMinute } from "@/lib/format";
import styles from "../ab-tests.module.css";
import { PValue } from "./values";

const WINNER_TEXT = { A: "A", B: "B", tie: "Tie" } as const;

/** The auditable decision of a closed test: who, when, why, and the statistics it was made on. */
export function DecisionCard({ test }: { test: AbTestRecord }) {
  const decision = test.decision;
  if (!decision) return null;
  const version = decision.winner === "A" ? test.a.modelVersion : decision.winner === "B" ? test.b.modelVersion : null;
  const rate = (side: "a" | "b") => (test[side].samples === 0 ? "—" : formatPercent(test[side].successes / test[side].samples, 1));
  return (
    <Card title="Decision" description="Recorded when the test was closed; a closed test is read-only." data-testid="decision">
      <dl className={styles.decision}>
        <dt>Winner</dt>
        <dd data-testid="decision-winner">
          {WINNER_TEXT[decision.winner]}
          {version && <span className={styles.mono}> ({version})</span>}
        </dd>
        <dt>Decided by</dt>
        <dd data-testid="decision-by">{decision.decidedBy}</dd>
        <dt>Decided</dt>
        <dd data-testid="decision-at">
          <time dateTime={decision.decidedAt}>{formatUtcMinute(decision.decidedAt)}</time>
        </dd>
        <dt>Reason</dt>
        <dd data-testid="decision-reason">{decision.reason}</dd>
        <dt>Statistics</dt>
        <dd className="num" data-testid="decision-statistics">
          <PValue value={decision.pValue} /> (fixed-horizon), confidence {decision.confidence === null ? "—" : formatPercent(decision.confidence, 1)} · A{" "}
          {formatCount(test.a.successes)}/{formatCount(test.a.samples)} ({rate("a")}) · B {formatCount(test.b.successes)}/{formatCount(test.b.samples)} ({rate("b")})
        </dd>
      </dl>
    </Card>
  );
}
