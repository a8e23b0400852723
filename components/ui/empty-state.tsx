import type { ReactNode } from "react";
import styles from "./empty-state.module.css";

/** What is missing and what to do next, in place of content that is not there. */
export function EmptyState({
  icon,
  title,
  titleAs: Title = "h2",
  children,
  actions,
  ...rest
}: {
  icon?: ReactNode;
  title: string;
  /** h1 where the empty state is the whole page (not found, error). */
  titleAs?: "h1" | "h2";
  children?: ReactNode;
  actions?: ReactNode;
} & Omit<
  React.HTMLAttributes<HTMLDivElement>,
  "title"
>) {
  return (
    <div className={styles.empty} {...rest}>
      {icon && <div className={styles.icon}>{icon}</div>}
      <Title className={styles.title}>{title}</Title>
      {children && <div className={styles.body}>{children}</div>}
      {actions && <div className={styles.actions}>{actions}</div>}
    </div>
  );
}
