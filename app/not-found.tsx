import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <EmptyState
      title="Page not found"
      titleAs="h1"
      actions={
        <ButtonLink href="/" variant="primary">
          Back to Overview
        </ButtonLink>
      }
    >
      <p>There is no page at this address. The navigation lists every section of the dashboard.</p>
    </EmptyState>
  );
}
