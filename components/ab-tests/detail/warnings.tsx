import type { Guardrail } from "@/lib/ab-tests/guardrails";
import styles from "../ab-tests.module.css";

/** The guardrails that apply, each with what it means; nothing when the result is clean. */
export function AbTestWarnings({ guardrails, closed }: { guardrails: Guardrail[]; closed: boolean }) {
  if (guardrails.length === 0) return null;
  return (
    <ul className={styles.warnings} aria-label={closed ? "Warnings on the recorded counts" : "Warnings"} data-testid="warnings">
      {guardrails.map((guardrail) => (
        <li key={guardrail.kind} className={styles.warning} data-warning={guardrail.kind}>
          <strong>{guardrail.title}.</strong> {guardrail.detail}
        </li>
      ))}
    </ul>
  );
}
