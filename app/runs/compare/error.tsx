"use client";

import { useEffect } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function CompareError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : undefined;
  return (
    <EmptyState
      title="The comparison could not be loaded"
      titleAs="h1"
      role="alert"
      actions={
        <>
          <Button variant="primary" onClick={() => retry()}>
            Try again
          </Button>
          <ButtonLink href="/runs">All runs</ButtonLink>
        </>
      }
    >
      <p>Something went wrong while reading the runs. Trying again often helps if the database was busy.</p>
      {digest && (
        <p>
          Error reference: <code>{digest}</code>
        </p>
      )}
    </EmptyState>
  );
}
