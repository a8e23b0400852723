import { EmptyState } from "@/components/ui/empty-state";

/** In place of a write form for viewers: what they cannot do and who can change that. */
export function ReadOnlyNotice({ action }: { action: string }) {
  return (
    <EmptyState title="Viewers cannot change anything here" data-testid="read-only-notice">
      <p>You are signed in as a viewer, so you can read every page but not {action}. Ask an admin for the editor role.</p>
    </EmptyState>
  );
}
