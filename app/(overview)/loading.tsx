import { Skeleton, SkeletonCard } from "@/components/ui/skeleton";
import styles from "./loading.module.css";

export default function Loading() {
  return (
    <div className={styles.loading} aria-busy="true" aria-live="polite">
      <span className="visually-hidden">Loading…</span>
      <div className={styles.header}>
        <Skeleton width={180} height={24} />
        <Skeleton width="min(520px, 80%)" height={14} />
      </div>
      <div className={styles.figures}>
        {Array.from({ length: 4 }, (_, i) => (
          <SkeletonCard key={i} lines={2} />
        ))}
      </div>
      <SkeletonCard lines={6} height={280} />
    </div>
  );
}
