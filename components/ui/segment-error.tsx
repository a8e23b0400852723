"use client";

import { useEffect } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** What Next.js passes to a segment's error.tsx. */
export type SegmentErrorProps = { error: unknown; retry: () => void };

type Props = SegmentErrorProps & {
  title: string;
  message: string;
  /** Ways out besides "Try again", most useful first. */
  links: { href: string; label: string }[];
};

/** The body of every error.tsx: what failed, a retry, ways out, and the server's error reference. */
export function SegmentError({ error, retry, title, message, links }: Props) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : undefined;
  return (
    <EmptyState
      title={title}
      titleAs="h1"
      role="alert"
      actions={
        <>
          <Button variant="primary" onClick={() => retry()}>
            Try again
          </Button>
          {links.map((link) => (
            <ButtonLink key={link.href} href={link.href}>
              {link.label}
            </ButtonLink>
          ))}
        </>
      }
    >
      <p>{message}</p>
      {digest && (
        <p>
          Error reference: <code>{digest}</code>
        </p>
      )}
    </EmptyState>
  );
}
