import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Run not found" };

export default function RunNotFound() {
  return (
    <EmptyState
      title="Run not found"
      titleAs="h1"
      data-testid="run-not-found"
      actions={
        <>
          <ButtonLink href="/runs" variant="primary">
            All runs
          </ButtonLink>
          <ButtonLink href="/runs/new">Register a run</ButtonLink>
        </>
      }
    >
      <p>There is no training run with this id. The link may be mistyped, or the run was never registered here.</p>
    </EmptyState>
  );
}
