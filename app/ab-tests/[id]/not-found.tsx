import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "A/B test not found" };

export default function AbTestNotFound() {
  return (
    <EmptyState
      title="A/B test not found"
      titleAs="h1"
      data-testid="ab-test-not-found"
      actions={
        <>
          <ButtonLink href="/ab-tests" variant="primary">
            All A/B tests
          </ButtonLink>
          <ButtonLink href="/ab-tests/new">Start a test</ButtonLink>
        </>
      }
    >
      <p>There is no A/B test with this id. The link may be mistyped, or the test was recorded in another database.</p>
    </EmptyState>
  );
}
