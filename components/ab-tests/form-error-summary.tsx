"use client";

import { useEffect, useRef } from "react";
import { fieldId } from "@/components/runs/register/field";
import styles from "@/components/runs/register/register.module.css";

/** What went wrong, at the top of a form, each problem linking to its field; focused when it appears. */
export function FormErrorSummary<Field extends string>({
  state,
  fields,
  labels,
  prefix,
}: {
  state: { message: string; fieldErrors: Partial<Record<Field, string[]>> };
  fields: readonly Field[];
  labels: Record<Field, string>;
  prefix: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [state]);
  const problems = fields.flatMap((field) => (state.fieldErrors[field] ?? []).map((message) => ({ field, message })));
  return (
    <div ref={ref} tabIndex={-1} role="alert" className={styles.summary} data-testid="form-error">
      <p className={styles.summaryTitle}>{state.message}</p>
      {problems.length > 0 && (
        <ul className={styles.summaryList}>
          {problems.map(({ field, message }) => (
            <li key={`${field}-${message}`}>
              <a href={`#${fieldId(field, prefix)}`}>
                {labels[field]}: {message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
