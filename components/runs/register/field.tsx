import type { ReactNode } from "react";
import type { RegisterRunField } from "@/lib/runs/schema";
import styles from "./register.module.css";

/** The attributes that tie an input to its label, hint and error. */
export type ControlProps<Name extends string = RegisterRunField> = {
  id: string;
  name: Name;
  "aria-invalid": boolean | undefined;
  "aria-describedby": string | undefined;
  "aria-required": boolean | undefined;
};

/** The input's id: `run-modelVersion`, or with another form's prefix `ab-winner`. */
export const fieldId = (name: string, prefix = "run") => `${prefix}-${name}`;

/**
 * A labelled form field: label (marked optional where it is), the input, a hint, and the server's message
 * right beside it, announced through aria-describedby so a screen reader reads it with the field.
 */
export function Field<Name extends string = RegisterRunField>({
  name,
  prefix = "run",
  label,
  hint,
  optional = false,
  errors,
  wide = false,
  children,
}: {
  name: Name;
  /** Distinguishes the ids of two forms on one page. */
  prefix?: string;
  label: string;
  hint?: ReactNode;
  optional?: boolean;
  errors?: string[];
  wide?: boolean;
  children: (props: ControlProps<Name>) => ReactNode;
}) {
  const id = fieldId(name, prefix);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`${styles.field} ${wide ? styles.wide : ""} ${errorId ? styles.invalid : ""}`} data-field={name}>
      <label htmlFor={id} className={styles.label}>
        {label}
        {optional && <span className={styles.optional}> (optional)</span>}
      </label>
      {children({ id, name, "aria-invalid": errorId ? true : undefined, "aria-describedby": describedBy, "aria-required": optional ? undefined : true })}
      {errorId && (
        <p id={errorId} className={styles.error} data-testid={`error-${name}`}>
          {errors!.join(" ")}
        </p>
      )}
      {hint && (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      )}
    </div>
  );
}
