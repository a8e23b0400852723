import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import panel from "@/components/ui/panel.module.css";
import { formatCount } from "@/lib/format";
import { CHECK_GROUPS, type IndexSpeedup, type ValidationReport } from "@/lib/schema/validation/types";
import { SPEEDUP_TARGET } from "@/lib/schema/validation/performance-checks";
import styles from "./validation.module.css";

const ms = (value: number) => (value < 1 ? `${value.toFixed(3)} ms` : value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(0)} ms`);
const ratio = (value: number) => `${value >= 100 ? formatCount(Math.round(value)) : value.toFixed(1)}×`;

function SpeedupTable({ speedups }: { speedups: IndexSpeedup[] }) {
  return (
    <div className={panel.scroll}>
      <table className={`${panel.table} ${styles.speedups}`} data-testid="speedup-table">
        <thead>
          <tr>
            <th scope="col">Key query</th>
            <th scope="col">Index</th>
            <th scope="col">Rows</th>
            <th scope="col">With index</th>
            <th scope="col">Without</th>
            <th scope="col">Ratio</th>
            <th scope="col">Query plans</th>
          </tr>
        </thead>
        <tbody>
          {speedups.map((s) => (
            <tr key={s.name} data-testid="speedup-row">
              <td>{s.name}</td>
              <td><code>{s.index}</code></td>
              <td>{formatCount(s.rowsInTable)}</td>
              <td>{ms(s.withIndexMs)}</td>
              <td>{ms(s.withoutIndexMs)}</td>
              <td>
                <Badge tone={s.passed ? "success" : "danger"}>{ratio(s.ratio)}</Badge>
              </td>
              <td>
                <details>
                  <summary>EXPLAIN QUERY PLAN</summary>
                  <pre className={styles.plan}>{`${s.sql}\n\nwith:    ${s.planWithIndex.join("\n         ")}\nwithout: ${s.planWithoutIndex.join("\n         ")}`}</pre>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The validation checklist's results, grouped as the design document groups them. */
export function ValidationReportView({ report }: { report: ValidationReport }) {
  const failed = report.checks.filter((c) => !c.passed);
  return (
    <div className={styles.report}>
      <p className={styles.summary} data-testid="validation-summary">
        <Badge tone={report.passed ? "success" : "danger"}>{report.passed ? "All checks pass" : `${failed.length} failing`}</Badge>{" "}
        {formatCount(report.checks.length)} checks ran in {(report.durationMs / 1000).toFixed(1)} s at{" "}
        <time dateTime={report.ranAt}>{new Date(report.ranAt).toISOString().replace("T", " ").slice(0, 19)} UTC</time>. Writes and index timings ran on a throw-away copy
        of the database, deleted afterwards.
      </p>
      {CHECK_GROUPS.map((group) => {
        const checks = report.checks.filter((c) => c.group === group.id);
        if (checks.length === 0) return null;
        return (
          <Card key={group.id} title={group.title} data-testid="check-group" data-group={group.id}>
            <ul className={styles.checks}>
              {checks.map((c) => (
                <li key={c.id} data-testid="check" data-check={c.id} data-passed={c.passed}>
                  <div className={styles.checkHead}>
                    <Badge tone={c.passed ? "success" : "danger"}>{c.passed ? "Pass" : "Fail"}</Badge>
                    <span className={styles.item}>{c.item}</span>
                  </div>
                  <ul className={styles.evidence}>
                    {c.evidence.map((line) => <li key={line}>{line}</li>)}
                  </ul>
                </li>
              ))}
            </ul>
          </Card>
        );
      })}
      <Card
        title={`Index speedups (target ${SPEEDUP_TARGET}×)`}
        description="Each key query timed with its index and with the table read NOT INDEXED, median of 5 runs, on the copy grown to 30,000 queries by duplicating the seeded rows. A range query's ratio depends on the share of rows it selects, not on the table's size."
        flush
      >
        <SpeedupTable speedups={report.speedups} />
      </Card>
      <Card title="Not checkable against the database" description="Checklist items the database cannot prove by itself, and what is checked instead">
        <ul className={styles.evidence}>
          {report.notCheckable.map((n) => (
            <li key={n.item}>
              <strong>{n.item}.</strong> {n.reason}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
