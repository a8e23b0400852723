"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { fieldId } from "@/components/runs/register/field";
import styles from "@/components/runs/register/register.module.css";

/** "Started (UTC): That date does not exist.", unless the message already names its field. */
function withFieldName(label: string, message: string): string {
  const name = label.replace(/ \(.*\)$/, "");
  return message.toLowerCase().startsWith(name.toLowerCase()) ? message : `${label}: ${message}`;
}

/** What went wrong, at the top of a form, each problem linking to its field; focused when it appears. */
export function FormErrorSummary<Field extends string>({
  state,
  fields,
  labels,
  prefix,
  children,
}: {
  state: { message: string; fieldErrors: Partial<Record<Field, string[]>> };
  fields: readonly Field[];
  labels: Record<Field, string>;
  /** The form's field id prefix (see Field). */
  prefix?: string;
  /** More to say below the list, such as a link to the record that blocked the write. */
  children?: ReactNode;
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
              <a href={`#${fieldId(field, prefix)}`}>{withFieldName(labels[field], message)}</a>
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}
