"use client";

import { useActionState } from "react";
import { recomputeAggregatesAction, type AggregateState } from "@/app/telemetry/actions";
import { Button } from "@/components/ui/button";
import styles from "./telemetry.module.css";
import panel from "@/components/ui/panel.module.css";

/** Recomputes the daily aggregates of the days whose raw data changed, and says how many. */
export function RecomputeButton() {
  const [state, formAction, pending] = useActionState<AggregateState>(recomputeAggregatesAction, null);
  return (
    <form action={formAction} className={styles.recompute}>
      <Button type="submit" disabled={pending} data-testid="recompute-submit">
        {pending ? "Recomputing…" : "Recompute changed days"}
      </Button>
      <p role="status" className={state?.ok === false ? panel.error : panel.muted} data-testid="recompute-status">
        {state?.message ?? ""}
      </p>
    </form>
  );
}
