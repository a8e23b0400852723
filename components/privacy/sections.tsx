import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatCount, formatPercent, formatUtcMinute } from "@/lib/format";
import { budgetStatus, SHARED_AGGREGATES_BUDGET } from "@/lib/privacy/privacy-budget";
import { consentSummary, deletionRequests, redactionSummary } from "@/lib/privacy/privacy-overview";
import { planRetention } from "@/lib/privacy/retention";
import { db } from "@/lib/db";
import styles from "./privacy.module.css";
import panel from "@/components/ui/panel.module.css";

const share = (part: number, whole: number) => (whole === 0 ? "–" : formatPercent(part / whole));
const when = (iso: string) => (
  <time dateTime={iso} title={iso}>
    {formatUtcMinute(iso)}
  </time>
);

/** "local, sharing" or "nothing": the levels one consent record grants. */
function consentLevels(row: { localTelemetry: boolean; aggregatedSharing: boolean; communityContribution: boolean }): string {
  const levels = [row.localTelemetry && "local", row.aggregatedSharing && "sharing", row.communityContribution && "community"].filter(Boolean);
  return levels.length === 0 ? "nothing" : levels.join(", ");
}

export async function ConsentCard() {
  const consent = await consentSummary();
  return (
    <Card title="Consent" description={`Current consent of each subject (latest record); ${formatCount(consent.records)} records in all`} data-testid="consent-card">
      {consent.subjects === 0 ? (
        <p className={panel.muted}>No consent recorded yet. Telemetry of a subject without consent to local telemetry is refused at ingestion.</p>
      ) : (
        <>
          <div className={styles.figures}>
            <span>
              <strong data-testid="consent-subjects">{formatCount(consent.subjects)}</strong> subjects
            </span>
            <span>
              <strong>{share(consent.localTelemetry, consent.subjects)}</strong> local telemetry
            </span>
            <span>
              <strong>{share(consent.aggregatedSharing, consent.subjects)}</strong> aggregated sharing
            </span>
            <span>
              <strong>{share(consent.communityContribution, consent.subjects)}</strong> community
            </span>
          </div>
          <div className={panel.scroll}>
            <table className={panel.table} data-testid="consent-versions">
              <thead>
                <tr>
                  <th scope="col">Consent version</th>
                  <th scope="col" className={panel.num}>Subjects</th>
                  <th scope="col" className={panel.num}>Local telemetry</th>
                </tr>
              </thead>
              <tbody>
                {consent.byVersion.map((row) => (
                  <tr key={row.version}>
                    <td>{row.version}</td>
                    <td className={panel.num}>{formatCount(row.subjects)}</td>
                    <td className={panel.num}>{share(row.localTelemetry, row.subjects)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className={panel.table} data-testid="consent-history">
              <caption className={`${panel.muted} ${styles.caption}`}>
                Latest changes
              </caption>
              <thead>
                <tr>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Consents to</th>
                  <th scope="col">Version</th>
                </tr>
              </thead>
              <tbody>
                {consent.recent.map((row, i) => (
                  <tr key={`${row.subject}-${row.timestamp}-${i}`}>
                    <td>{when(row.timestamp)}</td>
                    <td className={styles.code}>{row.subject}…</td>
                    <td>{consentLevels(row)}</td>
                    <td>{row.version}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Card>
  );
}

export async function RedactionCard({ pattern }: { pattern?: string }) {
  const summary = await redactionSummary({ pattern });
  return (
    <Card title="Redaction log" description={`${formatCount(summary.total)} redactions: the pattern and the row, never the value`} data-testid="redaction-card" className={panel.wide}>
      {summary.total === 0 ? (
        <p className={panel.muted}>Nothing has been redacted yet. Every free-text field is scrubbed before it is stored, and each redaction is logged here.</p>
      ) : (
        <div className={panel.scroll}>
          <table className={panel.table} data-testid="redaction-patterns">
            <thead>
              <tr>
                <th scope="col">Pattern</th>
                <th scope="col">Type</th>
                <th scope="col" className={panel.num}>All time</th>
                <th scope="col" className={panel.num}>4 weeks ago</th>
                <th scope="col" className={panel.num}>3 weeks ago</th>
                <th scope="col" className={panel.num}>2 weeks ago</th>
                <th scope="col" className={panel.num}>Last 7 days</th>
              </tr>
            </thead>
            <tbody>
              {summary.byPattern.map((row) => (
                <tr key={`${row.pattern}/${row.type}`}>
                  <td>{row.pattern}</td>
                  <td>{row.type}</td>
                  <td className={panel.num}>{formatCount(row.total)}</td>
                  {row.weeks.map((n, i) => (
                    <td key={i} className={panel.num}>
                      {formatCount(n)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <ul className={styles.filters} aria-label="Filter recent redactions by pattern">
            <li>
              <Link href="/privacy#redactions" aria-current={pattern === undefined ? "true" : undefined} scroll={false}>
                All
              </Link>
            </li>
            {summary.byPattern.map((row) => (
              <li key={row.pattern}>
                <Link href={`/privacy?pattern=${encodeURIComponent(row.pattern)}#redactions`} aria-current={pattern === row.pattern ? "true" : undefined} scroll={false}>
                  {row.pattern}
                </Link>
              </li>
            ))}
          </ul>
          <table className={panel.table} data-testid="redaction-recent" id="redactions">
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Table</th>
                <th scope="col">Pattern</th>
                <th scope="col">Type</th>
              </tr>
            </thead>
            <tbody>
              {summary.recent.map((row) => (
                <tr key={row.id}>
                  <td>{when(row.timestamp)}</td>
                  <td>{row.sourceTable}</td>
                  <td>{row.pattern}</td>
                  <td>{row.type}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

export async function RetentionCard() {
  const plan = await planRetention(db);
  const total = plan.reduce((sum, row) => sum + row.expiring, 0);
  return (
    <Card
      title="Retention"
      description={
        <>
          <span className="num" data-testid="retention-total">{formatCount(total)}</span> rows past their period; <code>npm run privacy:retention</code> deletes them
        </>
      }
      data-testid="retention-card"
    >
      <div className={panel.scroll}>
        <table className={panel.table}>
          <thead>
            <tr>
              <th scope="col">Table</th>
              <th scope="col" className={panel.num}>Kept</th>
              <th scope="col" className={panel.num}>Would delete</th>
            </tr>
          </thead>
          <tbody>
            {plan.map((row) => (
              <tr key={row.table} data-table={row.table}>
                <td title={row.what}>{row.table}</td>
                <td className={panel.num}>{row.days} days</td>
                <td className={panel.num}>{formatCount(row.expiring)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

export async function DeletionRequestsCard() {
  const requests = await deletionRequests(10);
  return (
    <Card title="Deletion requests" description="Erasures done, with rows deleted per table; the target is kept only as a keyed hash" data-testid="deletion-requests">
      {requests.length === 0 ? (
        <p className={panel.muted}>No erasure has been requested yet.</p>
      ) : (
        <div className={panel.scroll}>
          <table className={panel.table}>
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Scope</th>
                <th scope="col">Target hash</th>
                <th scope="col" className={panel.num}>Rows</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((row) => (
                <tr key={row.id} title={Object.entries(row.rowsDeleted).map(([t, n]) => `${t}: ${n}`).join(", ")}>
                  <td>{when(row.requestedAt)}</td>
                  <td>{row.scope}</td>
                  <td className={styles.code}>{row.targetHash}…</td>
                  <td className={panel.num}>{formatCount(row.totalRows)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

export async function BudgetSummary() {
  const status = await budgetStatus(db, SHARED_AGGREGATES_BUDGET);
  return (
    <p className={`${panel.muted} ${styles.note}`} data-testid="budget-summary">
      Budget: ε = <span className="num">{status.spent.toFixed(2)}</span> spent of {status.total} in {formatCount(status.releases)} releases; ε ={" "}
      <span className="num">{Math.max(0, status.remaining).toFixed(2)}</span> left. Laplace noise from the system&apos;s cryptographic random source.
    </p>
  );
}
