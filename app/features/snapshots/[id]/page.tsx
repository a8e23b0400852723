import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SnapshotFilters } from "@/components/features/snapshots/snapshot-filters";
import { SnapshotHash } from "@/components/features/snapshots/snapshot-hash";
import { snapshotDownloadHref } from "@/components/features/snapshots/snapshots-table";
import styles from "@/components/features/snapshots/snapshots.module.css";
import { Badge } from "@/components/ui/badge";
import { ButtonAnchor, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { withSnapshotConnection } from "@/lib/features/snapshot-download";
import { snapshotById, verifySnapshot, type SnapshotVerification } from "@/lib/features/snapshots";
import { formatCount, formatUtcMinute } from "@/lib/format";
import { requireViewer } from "@/lib/auth/guard";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const snapshot = await snapshotById((await params).id);
  return { title: snapshot ? `Snapshot ${snapshot.name}` : "Snapshot not found" };
}

function Verdict({ verification }: { verification: SnapshotVerification }) {
  const unchanged = verification.status === "unchanged";
  return (
    <div className={`${styles.verdict} ${unchanged ? styles.unchanged : styles.changed}`} role="status" data-testid="snapshot-verdict" data-status={verification.status}>
      <span>
        <Badge tone={unchanged ? "success" : "warning"}>{unchanged ? "unchanged" : "changed"}</Badge> {verification.summary}
      </span>
      <span className={styles.muted}>
        Rows then {formatCount(verification.rowCountThen)}, now {formatCount(verification.rowCountNow)}. SHA-256 now: <SnapshotHash sha256={verification.contentSha256} testId="verified-hash" />
      </span>
    </div>
  );
}

export default async function SnapshotPage({ params, searchParams }: Props) {
  await requireViewer();
  const { id } = await params;
  const query = await searchParams;
  const snapshot = await snapshotById(id);
  if (!snapshot) notFound();
  const verification = query.verify === "1" ? await withSnapshotConnection((sqlite) => verifySnapshot(snapshot, sqlite)) : null;
  return (
    <>
      <PageHeader
        title={snapshot.name}
        description={`Training-data snapshot: ${formatCount(snapshot.rowCount)} rows as ${snapshot.format}, saved ${formatUtcMinute(snapshot.createdAt)}.`}
        aside={
          <div className={styles.actions}>
            <ButtonAnchor href={snapshotDownloadHref(snapshot.id)} download variant="primary" data-testid="snapshot-download">
              Download re-export
            </ButtonAnchor>
            <ButtonLink href={`/features/snapshots/${snapshot.id}?verify=1`} data-testid="snapshot-verify" prefetch={false}>
              Verify against the rows now
            </ButtonLink>
            <ButtonLink href="/features/snapshots">All snapshots</ButtonLink>
          </div>
        }
      />
      <div style={{ display: "grid", gap: 16 }}>
        {query.saved === "1" && !verification && (
          <p className={styles.verdict} role="status" data-testid="snapshot-saved">
            Saved. Cite this snapshot when you register the run trained on it.
          </p>
        )}
        {verification && <Verdict verification={verification} />}
        <Card title="Snapshot" description="What a re-export reads, and what it is checked against.">
          <dl className={styles.facts}>
            <dt>Content SHA-256</dt>
            <dd>
              <SnapshotHash sha256={snapshot.contentSha256} full />
            </dd>
            <dt>Rows</dt>
            <dd className="num" data-testid="snapshot-rows">
              {formatCount(snapshot.rowCount)}
            </dd>
            <dt>Size</dt>
            <dd className="num">{formatCount(snapshot.byteCount)} bytes</dd>
            <dt>Format</dt>
            <dd>{snapshot.format}</dd>
            <dt>Filters</dt>
            <dd>
              <SnapshotFilters snapshot={snapshot} />
            </dd>
            <dt>Feature versions</dt>
            <dd className={styles.hash}>{snapshot.featureVersions.join(", ") || "none"}</dd>
            <dt>Schema version</dt>
            <dd className={styles.hash}>{snapshot.schemaVersion}</dd>
            <dt>Created</dt>
            <dd>
              <time dateTime={snapshot.createdAt} title={snapshot.createdAt}>
                {formatUtcMinute(snapshot.createdAt)}
              </time>
            </dd>
            {snapshot.notes && (
              <>
                <dt>Notes</dt>
                <dd>{snapshot.notes}</dd>
              </>
            )}
          </dl>
        </Card>
        <Card title="Runs trained on it" description="Runs cite a snapshot when they are registered (Register a run, training data).">
          {snapshot.runs.length === 0 ? (
            <p className={styles.muted} data-testid="snapshot-no-runs">
              No run cites this snapshot yet. <Link href="/runs/new">Register a run</Link> and choose it as its training data.
            </p>
          ) : (
            <ul className={styles.runs} data-testid="snapshot-runs">
              {snapshot.runs.map((run) => (
                <li key={run.id}>
                  <Link href={`/runs/${run.id}`}>
                    {run.modelType} {run.modelVersion}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
