import { RunsIcon } from "@/components/shell/icons";
import { SeedHint } from "@/components/sections/seed-hint";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** An empty database: say so, and how to get runs (demo data, or registering one). */
export function NoRunsYet() {
  return (
    <EmptyState
      icon={<RunsIcon width={22} height={22} />}
      title="0 training runs recorded"
      data-testid="section-fact"
      actions={
        <ButtonLink href="/runs/new" variant="primary" prefetch={false}>
          Register a run
        </ButtonLink>
      }
    >
      <p>Runs appear here once training records them, with their metrics, hyperparameters and live accuracy.</p>
      <SeedHint />
    </EmptyState>
  );
}
