import { Skeleton, SkeletonCard } from "@/components/ui/skeleton";
import styles from "./detail.module.css";

export function RunDetailSkeleton() {
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="visually-hidden">Loading the run…</span>
      <div className={styles.skeletonHeader}>
        <Skeleton width={220} height={24} />
        <Skeleton width="min(480px, 80%)" height={14} />
      </div>
      <div className={styles.figures}>
        {Array.from({ length: 4 }, (_, i) => (
          <SkeletonCard key={i} lines={2} />
        ))}
      </div>
      <div className={styles.grid}>
        <SkeletonCard lines={8} height={320} />
        <SkeletonCard lines={8} height={320} />
        <div className={styles.wide}>
          <SkeletonCard lines={5} height={220} />
        </div>
      </div>
    </div>
  );
}
