import { SkeletonCard } from "@/components/ui/skeleton";
import styles from "./overview.module.css";

export function HeadlineFiguresSkeleton() {
  return (
    <div className={styles.figures}>
      {Array.from({ length: 4 }, (_, i) => (
        <SkeletonCard key={i} lines={2} />
      ))}
    </div>
  );
}

export function WideCardSkeleton({ height = 260 }: { height?: number }) {
  return (
    <div className={styles.wide}>
      <SkeletonCard lines={5} height={height} />
    </div>
  );
}

export function CardSkeleton({ height = 260 }: { height?: number }) {
  return <SkeletonCard lines={4} height={height} />;
}
