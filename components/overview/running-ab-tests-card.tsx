import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatCount, formatDay, formatUtcMinute } from "@/lib/format";
import { abTestSummary } from "@/lib/overview/ab-tests";
import styles from "./overview.module.css";

export async function RunningAbTestsCard() {
  const { running, latestRunning } = await abTestSummary();
  return (
    <Card
      title="Running A/B tests"
      description={running > latestRunning.length ? `The ${latestRunning.length} started most recently` : "Newest first"}
      action={<Link href="/ab-tests">All A/B tests</Link>}
    >
      {latestRunning.length === 0 ? (
        <p className={styles.muted}>No A/B test is running. Start one to compare two model versions on live traffic.</p>
      ) : (
        <ul className={styles.testList}>
          {latestRunning.map((test) => (
            <li key={test.id} className={styles.testItem}>
              <Link href={`/ab-tests/${test.id}`} className={styles.testName} data-testid="running-ab-test">
                {test.name}
              </Link>
              <div className={styles.testMeta}>
                <span className={styles.version}>{test.variantAModel}</span>
                <span aria-label="versus">vs</span>
                <span className={styles.version}>{test.variantBModel}</span>
                <span aria-hidden="true">·</span>
                <span className="num">{formatCount(test.samples)} samples</span>
                <span aria-hidden="true">·</span>
                <time dateTime={test.startedAt} title={formatUtcMinute(test.startedAt)}>
                  since {formatDay(test.startedAt.slice(0, 10))}
                </time>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
