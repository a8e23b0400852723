import { RunDetailSkeleton } from "@/components/runs/detail/run-detail-skeleton";

export default function Loading() {
  return <RunDetailSkeleton />;
}
