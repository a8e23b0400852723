import { EmptyState } from "@/components/ui/empty-state";

/** Settings for a signed-in non-admin: the 403 of a page. */
export function AdminsOnly() {
  return (
    <EmptyState title="Admins only" titleAs="h1" data-testid="admins-only">
      <p>Users and API keys are managed by admins. Ask one if you need a key or a different role.</p>
    </EmptyState>
  );
}
