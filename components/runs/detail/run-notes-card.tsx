import { Card } from "@/components/ui/card";
import type { RunDetail } from "@/lib/runs/run-detail";
import styles from "./detail.module.css";

export function RunNotesCard({ run }: { run: RunDetail }) {
  return (
    <Card title="Notes" description="Personal data and secrets were replaced by placeholders like [EMAIL] before storage.">
      {run.notes === null ? (
        <p className={styles.muted} data-testid="run-notes-empty">
          No notes were recorded for this run.
        </p>
      ) : (
        <p className={styles.notes} data-testid="run-notes">
          {run.notes}
        </p>
      )}
    </Card>
  );
}
