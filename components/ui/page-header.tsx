import type { ReactNode } from "react";
import styles from "./page-header.module.css";

export function PageHeader({ title, description, aside }: { title: string; description: ReactNode; aside?: ReactNode }) {
  return (
    <header className={styles.header}>
      <div>
        <h1 className={styles.title}>{title}</h1>
        <p className={styles.description}>{description}</p>
      </div>
      {aside && <div className={styles.aside}>{aside}</div>}
    </header>
  );
}
