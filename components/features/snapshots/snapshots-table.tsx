import Link from "next/link";
import type { SnapshotPage } from "@/lib/features/snapshots";
import { formatCount, formatUtcMinute } from "@/lib/format";
import featureStyles from "../features.module.css";
import { SnapshotFilters } from "./snapshot-filters";
import { SnapshotHash } from "./snapshot-hash";
import styles from "./snapshots.module.css";

export const snapshotDownloadHref = (id: string) => `/api/v1/export/training-data/snapshots/${encodeURIComponent(id)}`;

/** One page of snapshots: what each holds, its hash, and the runs trained on it. */
export function SnapshotsTable({ page }: { page: SnapshotPage }) {
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + page.snapshots.length - 1;
  return (
    <>
      <div className={featureStyles.tableWrap}>
        <table className={featureStyles.table} data-testid="snapshots-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Format</th>
              <th scope="col">Filters</th>
              <th scope="col" className={featureStyles.numeric}>Rows</th>
              <th scope="col">SHA-256</th>
              <th scope="col">Feature versions</th>
              <th scope="col">Schema</th>
              <th scope="col">Runs trained on it</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {page.snapshots.map((snapshot) => (
              <tr key={snapshot.id} data-testid="snapshot-row" data-snapshot-id={snapshot.id}>
                <th scope="row" className={styles.nameCell}>
                  <Link href={`/features/snapshots/${snapshot.id}`}>{snapshot.name}</Link>
                </th>
                <td className={`num ${styles.nowrap}`}>
                  <time dateTime={snapshot.createdAt} title={snapshot.createdAt}>
                    {formatUtcMinute(snapshot.createdAt)}
                  </time>
                </td>
                <td>{snapshot.format}</td>
                <td>
                  <SnapshotFilters snapshot={snapshot} />
                </td>
                <td className={featureStyles.numeric} data-testid="snapshot-rows">
                  {formatCount(snapshot.rowCount)}
                </td>
                <td>
                  <SnapshotHash sha256={snapshot.contentSha256} />
                </td>
                <td className={featureStyles.mono}>{snapshot.featureVersions.join(", ") || <span className={styles.muted}>none</span>}</td>
                <td className={featureStyles.mono} title={snapshot.schemaVersion}>
                  {snapshot.schemaVersion.slice(0, 14)}
                </td>
                <td>
                  {snapshot.runs.length === 0 ? (
                    <span className={styles.muted}>none yet</span>
                  ) : (
                    snapshot.runs.map((run, i) => (
                      <span key={run.id}>
                        {i > 0 && ", "}
                        <Link href={`/runs/${run.id}`}>
                          {run.modelType} {run.modelVersion}
                        </Link>
                      </span>
                    ))
                  )}
                </td>
                <td>
                  <a href={snapshotDownloadHref(snapshot.id)} download data-testid="snapshot-download">
                    Download
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className={styles.pagination} aria-label="Pagination">
        <span className="num" data-testid="page-status">
          {formatCount(first)}–{formatCount(last)} of {formatCount(page.total)} · page {formatCount(page.page)} of {formatCount(page.pageCount)}
        </span>
        {page.page > 1 ? <Link href={`/features/snapshots?page=${page.page - 1}`}>‹ Newer</Link> : <span className={styles.muted}>‹ Newer</span>}
        {page.page < page.pageCount ? <Link href={`/features/snapshots?page=${page.page + 1}`}>Older ›</Link> : <span className={styles.muted}>Older ›</span>}
      </nav>
    </>
  );
}
