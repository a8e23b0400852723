import { SeedHint } from "@/components/sections/seed-hint";
import { OverviewIcon } from "@/components/shell/icons";
import { EmptyState } from "@/components/ui/empty-state";

export function EmptyDatabase() {
  return (
    <EmptyState icon={<OverviewIcon width={22} height={22} />} title="No data yet" data-testid="overview-empty">
      <p>
        The database has no training runs, predictions, A/B tests or telemetry, so there is nothing to sum up.
      </p>
      <SeedHint />
    </EmptyState>
  );
}
