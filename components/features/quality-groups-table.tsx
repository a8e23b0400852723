import { formatCount, formatPercent } from "@/lib/format";
import type { QualityGroup } from "@/lib/features/importance";
import styles from "./features.module.css";

const quality = (value: number) => value.toFixed(3);

/** Mean result quality and positive-label rate per group, each with its 95% interval. */
export function QualityGroupsTable({ groups, groupLabel, testId }: { groups: QualityGroup[]; groupLabel: string; testId: string }) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{groupLabel}</th>
            <th scope="col" className={styles.numeric}>Queries</th>
            <th scope="col" className={styles.numeric}>Mean quality (95% t interval)</th>
            <th scope="col" className={styles.numeric}>Positive labels (95% Wilson)</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.group}>
              <th scope="row">{group.group}</th>
              <td className={styles.numeric}>{formatCount(group.count)}</td>
              <td className={styles.numeric}>
                {group.quality ? (
                  <>
                    {quality(group.quality.mean)}{" "}
                    <span className={styles.interval}>
                      {Number.isNaN(group.quality.lower) ? "(one value)" : `${quality(group.quality.lower)}–${quality(group.quality.upper)}`}
                    </span>
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td className={styles.numeric} title={`${formatCount(group.labelled)} labelled`}>
                {group.positiveRate === null || !group.positiveInterval ? (
                  "no labels"
                ) : (
                  <>
                    {formatPercent(group.positiveRate)}{" "}
                    <span className={styles.interval}>
                      {formatPercent(group.positiveInterval.lower)}–{formatPercent(group.positiveInterval.upper)} of {formatCount(group.labelled)}
                    </span>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
