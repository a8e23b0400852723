import { PredictionsSkeleton } from "@/components/predictions/predictions-skeleton";

export default function PredictionsLoading() {
  return <PredictionsSkeleton label="Loading predictions…" />;
}
