import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** Why the comparison cannot be shown, and how to pick runs that can. */
export function CompareProblem({ problem }: { problem: string }) {
  return (
    <EmptyState
      title="These runs cannot be compared"
      data-testid="compare-problem"
      role="alert"
      actions={
        <ButtonLink href="/runs" variant="primary">
          Pick runs from the list
        </ButtonLink>
      }
    >
      <p data-testid="compare-problem-text">{problem}</p>
      <p>
        A comparison takes 2 to 10 different runs, given by id in the address: <code>/runs/compare?ids=&lt;id&gt;,&lt;id&gt;</code>.
      </p>
    </EmptyState>
  );
}
