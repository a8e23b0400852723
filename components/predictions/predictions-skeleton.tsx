import { Skeleton, SkeletonCard } from "@/components/ui/skeleton";

export function PredictionsSkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true" aria-live="polite" style={{ display: "grid", gap: 16 }}>
      <span className="visually-hidden">{label}</span>
      <Skeleton width={160} height={24} />
      <Skeleton width="min(520px, 80%)" height={14} />
      <SkeletonCard lines={2} />
      <SkeletonCard lines={10} height={420} />
    </div>
  );
}
