import { SkeletonCard } from "@/components/ui/skeleton";

export default function FeaturesLoading() {
  return (
    <div aria-busy="true" aria-label="Loading features…" style={{ display: "grid", gap: 16 }}>
      <SkeletonCard lines={6} height={260} />
      <SkeletonCard lines={4} />
    </div>
  );
}
