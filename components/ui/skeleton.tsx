import styles from "./skeleton.module.css";

/** A placeholder block shown while content loads; hidden from assistive technology. */
export function Skeleton({ width = "100%", height = 14 }: { width?: number | string; height?: number | string }) {
  return <span className={styles.skeleton} style={{ width, height }} aria-hidden="true" />;
}

/** A card-shaped placeholder with a title line and `lines` rows. */
export function SkeletonCard({ lines = 3, height }: { lines?: number; height?: number }) {
  return (
    <div className={styles.card} style={height ? { minHeight: height } : undefined} aria-hidden="true">
      <Skeleton width="40%" height={12} />
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} width={i === 0 ? "55%" : `${85 - i * 12}%`} height={i === 0 ? 26 : 12} />
      ))}
    </div>
  );
}
