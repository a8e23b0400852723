import type { Snapshot } from "@/lib/features/snapshots";
import { formatUtcMinute } from "@/lib/format";
import styles from "./snapshots.module.css";

/** "Since 2026-08-30 12:00 UTC (90 days) · all models · fv-2 · labelled only". */
export function SnapshotFilters({ snapshot }: { snapshot: Pick<Snapshot, "filters" | "days"> }) {
  const { filters } = snapshot;
  return (
    <span className={styles.filters} data-testid="snapshot-filters">
      <span title={filters.since}>
        Since {formatUtcMinute(filters.since)} ({snapshot.days} {snapshot.days === 1 ? "day" : "days"})
      </span>
      <span>{filters.model ?? "all models"}</span>
      <span>{filters.featureVersion ?? "all feature versions"}</span>
      <span>{filters.labelledOnly ? "labelled only" : "labelled or not"}</span>
    </span>
  );
}
