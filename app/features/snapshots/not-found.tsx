import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Snapshot not found" };

export default function SnapshotNotFound() {
  return (
    <EmptyState
      title="Snapshot not found"
      titleAs="h1"
      data-testid="snapshot-not-found"
      actions={
        <ButtonLink href="/features/snapshots" variant="primary">
          All snapshots
        </ButtonLink>
      }
    >
      <p>There is no training-data snapshot with this id. The link may be mistyped.</p>
    </EmptyState>
  );
}
