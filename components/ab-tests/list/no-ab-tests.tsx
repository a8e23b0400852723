import { navItem } from "@/components/shell/nav-items";
import { SeedHint } from "@/components/sections/seed-hint";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** No A/B test recorded at all: what a test is for, and how to start one. */
export function NoAbTests() {
  const { icon: Icon } = navItem("/ab-tests");
  return (
    <EmptyState
      icon={<Icon width={22} height={22} />}
      title="No A/B tests yet"
      data-testid="ab-tests-empty"
      actions={
        <ButtonLink href="/ab-tests/new" variant="primary">
          Start an A/B test
        </ButtonLink>
      }
    >
      <p>An A/B test routes live traffic to two versions of one model and shows which one answers better, with intervals, power and a sample-ratio check, until you declare a winner.</p>
      <SeedHint />
    </EmptyState>
  );
}
