import { RunsTableSkeleton, RunsToolbarSkeleton } from "@/components/runs/runs-skeleton";
import { Skeleton } from "@/components/ui/skeleton";
import styles from "@/components/runs/runs.module.css";

export default function RunsLoading() {
  return (
    <div className={styles.loading} aria-busy="true" aria-live="polite">
      <span className="visually-hidden">Loading runs…</span>
      <div className={styles.loadingHeader} aria-hidden="true">
        <Skeleton width={120} height={24} />
        <Skeleton width="min(520px, 80%)" height={14} />
      </div>
      <RunsToolbarSkeleton />
      <RunsTableSkeleton />
    </div>
  );
}
