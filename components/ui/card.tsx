import type { ReactNode } from "react";
import styles from "./card.module.css";

type CardProps = {
  title?: string;
  description?: ReactNode;
  /** A link or control at the right of the header. */
  action?: ReactNode;
  children: ReactNode;
  className?: string;
  /** Content that runs edge to edge, such as a table, instead of inside the card's padding. */
  flush?: boolean;
} & Omit<React.HTMLAttributes<HTMLElement>, "title">;

export function Card({ title, description, action, children, className, flush, ...rest }: CardProps) {
  return (
    <section className={[styles.card, className].filter(Boolean).join(" ")} {...rest}>
      {(title || action) && (
        <div className={styles.header}>
          <div className={styles.heading}>
            {title && <h2 className={styles.title}>{title}</h2>}
            {description && <p className={styles.description}>{description}</p>}
          </div>
          {action && <div className={styles.action}>{action}</div>}
        </div>
      )}
      <div className={flush ? styles.flush : styles.body}>{children}</div>
    </section>
  );
}
