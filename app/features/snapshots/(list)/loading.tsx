import { SkeletonCard } from "@/components/ui/skeleton";

export default function SnapshotsLoading() {
  return (
    <div aria-busy="true" aria-label="Loading snapshots…" style={{ display: "grid", gap: 16 }}>
      <SkeletonCard lines={8} height={320} />
    </div>
  );
}
