import { CompareSkeleton } from "@/components/runs/compare/compare-skeleton";

export default function Loading() {
  return <CompareSkeleton />;
}
