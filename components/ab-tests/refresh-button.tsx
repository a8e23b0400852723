"use client";

import { useActionState } from "react";
import { refreshAbTestAction, type RefreshState } from "@/app/ab-tests/actions";
import { Button } from "@/components/ui/button";
import styles from "./ab-tests.module.css";

/** Recounts the test from predictions, and says what it found or why it could not. */
export function RefreshButton({ testId }: { testId: string }) {
  const [state, formAction, pending] = useActionState<RefreshState>(refreshAbTestAction.bind(null, testId), null);
  return (
    <form action={formAction} className={styles.refresh}>
      <Button type="submit" disabled={pending} data-testid="refresh-submit">
        {pending ? "Refreshing…" : "Refresh from predictions"}
      </Button>
      <p role="status" className={state?.ok === false ? styles.errorText : styles.muted} data-testid="refresh-status">
        {state?.message ?? ""}
      </p>
    </form>
  );
}
