import type { ReactNode } from "react";
import styles from "./overview.module.css";

/** The overview's grid: headline figures across, then cards two thirds and one third wide. */
export function OverviewGrid({ children }: { children: ReactNode }) {
  return <div className={styles.layout}>{children}</div>;
}
