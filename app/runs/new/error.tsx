"use client";

import { useEffect } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function RegisterRunError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : undefined;
  return (
    <EmptyState
      title="Something went wrong with the form"
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
      <p>The database could not be read or written. If you had submitted a run, check the runs list before registering it again.</p>
      {digest && (
        <p>
          Error reference: <code>{digest}</code>
        </p>
      )}
    </EmptyState>
  );
}
