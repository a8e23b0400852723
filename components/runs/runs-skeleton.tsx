import { Skeleton } from "@/components/ui/skeleton";
import styles from "./runs.module.css";

/** The table's shape while its rows load. */
export function RunsTableSkeleton({ rows = 10 }: { rows?: number }) {
  return (
    <div className={styles.skeletonTable} aria-busy="true" aria-live="polite">
      <span className="visually-hidden">Loading runs…</span>
      <Skeleton width="100%" height={34} />
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} width="100%" height={22} />
      ))}
      <Skeleton width={280} height={16} />
    </div>
  );
}

/** The toolbar's shape, for the route's loading state. */
export function RunsToolbarSkeleton() {
  return (
    <div className={styles.skeletonToolbar} aria-hidden="true">
      <Skeleton width={260} height={34} />
      <Skeleton width={80} height={34} />
      <Skeleton width={170} height={34} />
      <Skeleton width={90} height={34} />
    </div>
  );
}
