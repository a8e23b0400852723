import { Skeleton, SkeletonCard } from "@/components/ui/skeleton";
import styles from "./compare.module.css";

export function CompareSkeleton() {
  return (
    <div className={styles.stack} aria-busy="true" aria-live="polite">
      <span className="visually-hidden">Loading the comparison…</span>
      <div className={styles.skeletonHeader}>
        <Skeleton width={200} height={24} />
        <Skeleton width="min(520px, 80%)" height={14} />
      </div>
      <SkeletonCard lines={6} height={420} />
      <div className={styles.cardsGrid}>
        <SkeletonCard lines={5} height={260} />
        <SkeletonCard lines={5} height={260} />
      </div>
    </div>
  );
}
