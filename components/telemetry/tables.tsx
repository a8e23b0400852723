import { Card } from "@/components/ui/card";
import { formatCount, formatPercent, formatUtcMinute } from "@/lib/format";
import type { Distribution } from "@/lib/telemetry/telemetry-overview";
import { recentSessions, thinktoolStats, toolPerformance } from "@/lib/telemetry/telemetry-overview";
import styles from "./telemetry.module.css";
import panel from "@/components/ui/panel.module.css";

export function formatMs(value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value).toLocaleString("en-US")} ms`;
}

const ratio = (value: number | null | undefined) => (value === null || value === undefined ? "–" : formatPercent(value));
const fixed = (value: number | null | undefined, digits = 2) => (value === null || value === undefined ? "–" : value.toFixed(digits));

/** A share-of-total bar per key: the query-type or tool mix. */
export function DistributionCard({ title, description, data, testId }: { title: string; description: string; data: Distribution; testId: string }) {
  const total = data.reduce((sum, row) => sum + row.count, 0);
  return (
    <Card title={title} description={description} data-testid={testId}>
      {total === 0 ? (
        <p className={panel.muted}>Nothing recorded in these days.</p>
      ) : (
        <ul className={styles.bars}>
          {data.slice(0, 10).map((row) => (
            <li key={row.key} className={styles.barRow}>
              <span>{row.key}</span>
              <span className={styles.barTrack} aria-hidden>
                <span className={styles.barFill} style={{ width: `${(100 * row.count) / total}%` }} />
              </span>
              <span className="num" title={`${formatCount(row.count)} of ${formatCount(total)}`}>
                {formatCount(row.count)} · {formatPercent(row.count / total)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export async function ToolPerformanceCard() {
  const tools = await toolPerformance();
  return (
    <Card title="Tool performance" description="Last 30 days (v_tool_performance)" flush data-testid="tool-performance">
      {tools.length === 0 ? (
        <p className={panel.cardEmpty}>No tool invocations in the last 30 days.</p>
      ) : (
        <div className={panel.scroll}>
          <table className={`${panel.table} ${panel.flush}`}>
            <thead>
              <tr>
                <th scope="col">Tool</th>
                <th scope="col">Category</th>
                <th scope="col" className={panel.num}>Invocations</th>
                <th scope="col" className={panel.num}>Avg time</th>
                <th scope="col" className={panel.num}>Success</th>
              </tr>
            </thead>
            <tbody>
              {tools.map((tool) => (
                <tr key={`${tool.toolName}/${tool.toolCategory}`}>
                  <td>{tool.toolName}</td>
                  <td>{tool.toolCategory ?? "–"}</td>
                  <td className={panel.num}>{formatCount(tool.invocations)}</td>
                  <td className={panel.num}>{formatMs(tool.avgExecutionMs)}</td>
                  <td className={panel.num}>{ratio(tool.successRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

export async function ThinktoolCard() {
  const stats = await thinktoolStats();
  return (
    <Card title="ThinkTool statistics" description="Last 30 days (v_thinktool_stats)" flush data-testid="thinktool-stats">
      {stats.length === 0 ? (
        <p className={panel.cardEmpty}>No reasoning traces in the last 30 days.</p>
      ) : (
        <div className={panel.scroll}>
          <table className={`${panel.table} ${panel.flush}`}>
            <thead>
              <tr>
                <th scope="col">ThinkTool</th>
                <th scope="col" className={panel.num}>Uses</th>
                <th scope="col" className={panel.num}>Avg steps</th>
                <th scope="col" className={panel.num}>Avg time</th>
                <th scope="col" className={panel.num}>Coherence</th>
                <th scope="col" className={panel.num}>Depth</th>
              </tr>
            </thead>
            <tbody>
              {stats.map((row) => (
                <tr key={row.thinktoolName}>
                  <td>{row.thinktoolName}</td>
                  <td className={panel.num}>{formatCount(row.uses)}</td>
                  <td className={panel.num}>{fixed(row.avgSteps, 1)}</td>
                  <td className={panel.num}>{formatMs(row.avgTotalMs)}</td>
                  <td className={panel.num}>{fixed(row.avgCoherence)}</td>
                  <td className={panel.num}>{fixed(row.avgDepth)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

export async function RecentSessionsCard() {
  const sessions = await recentSessions(15);
  return (
    <Card title="Recent sessions" description="Newest 15 of the last 30 days (v_recent_sessions)" flush data-testid="recent-sessions" className={panel.wide}>
      {sessions.length === 0 ? (
        <p className={panel.cardEmpty}>No sessions in the last 30 days.</p>
      ) : (
        <div className={panel.scroll}>
          <table className={`${panel.table} ${panel.flush}`}>
            <thead>
              <tr>
                <th scope="col">Started (UTC)</th>
                <th scope="col">Profile</th>
                <th scope="col" className={panel.num}>Duration</th>
                <th scope="col" className={panel.num}>Queries</th>
                <th scope="col" className={panel.num}>Tools</th>
                <th scope="col" className={panel.num}>Feedback</th>
                <th scope="col" className={panel.num}>Feedback score</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.id}>
                  <td>
                    <time dateTime={session.startedAt} title={session.startedAt}>
                      {formatUtcMinute(session.startedAt)}
                    </time>
                  </td>
                  <td>{session.profile ?? "–"}</td>
                  <td className={panel.num}>{formatMs(session.durationMs)}</td>
                  <td className={panel.num}>{formatCount(session.queryCount)}</td>
                  <td className={panel.num}>{formatCount(session.toolCount)}</td>
                  <td className={panel.num}>{formatCount(session.feedbackItems)}</td>
                  <td className={panel.num}>{ratio(session.feedbackScore)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
