import { Skeleton, SkeletonCard } from "@/components/ui/skeleton";
import styles from "@/components/runs/register/register.module.css";

export default function Loading() {
  return (
    <div className={styles.form} aria-busy="true" aria-live="polite">
      <span className="visually-hidden">Loading the form…</span>
      <Skeleton width={260} height={24} />
      <Skeleton width="min(560px, 80%)" height={14} />
      <SkeletonCard lines={3} height={150} />
      <SkeletonCard lines={3} height={150} />
      <SkeletonCard lines={4} height={200} />
    </div>
  );
}
