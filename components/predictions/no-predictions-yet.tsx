import { PredictionsIcon } from "@/components/shell/icons";
import { SeedHint } from "@/components/sections/seed-hint";
import { EmptyState } from "@/components/ui/empty-state";

/** An empty database: say so, and how to get predictions. */
export function NoPredictionsYet() {
  return (
    <EmptyState icon={<PredictionsIcon width={22} height={22} />} title="0 predictions recorded" data-testid="predictions-empty">
      <p>
        Predictions appear here once a deployed model version serves traffic. Record their ground truth here to see live
        accuracy, calibration and drift per version.
      </p>
      <SeedHint />
    </EmptyState>
  );
}
