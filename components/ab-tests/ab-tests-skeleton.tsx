import { Skeleton, SkeletonCard } from "@/components/ui/skeleton";
import styles from "./ab-tests.module.css";

/** The list's shape while it loads: header, filter and a table-sized card. */
export function AbTestsSkeleton({ label }: { label: string }) {
  return (
    <div className={styles.loading} aria-busy="true" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      <div aria-hidden="true">
        <Skeleton width={140} height={24} />
        <Skeleton width="min(520px, 80%)" height={14} />
      </div>
      <Skeleton width={240} height={32} />
      <SkeletonCard lines={8} height={360} />
    </div>
  );
}
