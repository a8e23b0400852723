import Link from "next/link";
import { SnapshotFilters } from "@/components/features/snapshots/snapshot-filters";
import { SnapshotHash } from "@/components/features/snapshots/snapshot-hash";
import { Card } from "@/components/ui/card";
import { formatCount, formatUtcMinute } from "@/lib/format";
import type { RunDetail } from "@/lib/runs/run-detail";
import styles from "./detail.module.css";

/** The training-data snapshot the run cites: what it was trained on, by hash. */
export function TrainingDataCard({ run }: { run: RunDetail }) {
  const snapshot = run.trainingData;
  return (
    <Card title="Training data" description="The saved export this run was trained on; re-export or verify it from the snapshot's page.">
      {snapshot === null ? (
        <p className={styles.asideNote} data-testid="run-no-snapshot">
          No training-data snapshot cited. Runs registered with a snapshot show its hash, rows and filters here.
        </p>
      ) : (
        <dl className={styles.facts} data-testid="run-snapshot">
          <dt>Snapshot</dt>
          <dd>
            <Link href={`/features/snapshots/${snapshot.id}`} data-testid="run-snapshot-link">
              {snapshot.name}
            </Link>
          </dd>
          <dt>SHA-256</dt>
          <dd>
            <SnapshotHash sha256={snapshot.contentSha256} testId="run-snapshot-hash" />
          </dd>
          <dt>Rows</dt>
          <dd className="num" data-testid="run-snapshot-rows">
            {formatCount(snapshot.rowCount)} ({snapshot.format})
          </dd>
          <dt>Filters</dt>
          <dd>
            <SnapshotFilters snapshot={snapshot} />
          </dd>
          <dt>Saved</dt>
          <dd className="num">{formatUtcMinute(snapshot.createdAt)}</dd>
        </dl>
      )}
    </Card>
  );
}
