import type { ReactNode } from "react";
import styles from "./badge.module.css";

export type BadgeTone = "neutral" | "accent" | "success" | "danger" | "warning";

export function Badge({
  tone = "neutral",
  children,
  ...rest
}: { tone?: BadgeTone; children: ReactNode } & React.HTMLAttributes<HTMLSpanElement>) {
  return (
    <span className={`${styles.badge} ${styles[tone]}`} {...rest}>
      {children}
    </span>
  );
}
