import type { ReactNode } from "react";
import type { RegisterRunField } from "@/lib/runs/schema";
import styles from "./register.module.css";

/** The attributes that tie an input to its label, hint and error. */
export type ControlProps = {
  id: string;
  name: RegisterRunField;
  "aria-invalid": boolean | undefined;
  "aria-describedby": string | undefined;
  "aria-required": boolean | undefined;
};

export const fieldId = (name: RegisterRunField) => `run-${name}`;

/**
 * A labelled form field: label (marked optional where it is), the input, a hint, and the server's message
 * right beside it, announced through aria-describedby so a screen reader reads it with the field.
 */
export function Field({
  name,
  label,
  hint,
  optional = false,
  errors,
  wide = false,
  children,
}: {
  name: RegisterRunField;
  label: string;
  hint?: ReactNode;
  optional?: boolean;
  errors?: string[];
  wide?: boolean;
  children: (props: ControlProps) => ReactNode;
}) {
  const id = fieldId(name);
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
