import Link from "next/link";
import type { ReactNode } from "react";
import { ArrowRightIcon } from "@/components/shell/icons";
import styles from "./stat.module.css";

type StatProps = {
  label: string;
  value: string;
  /** The exact value, shown on hover. */
  exact?: string;
  detail?: ReactNode;
  /** The section the figure comes from; the label links there. */
  href?: string;
  testId?: string;
} & Omit<React.HTMLAttributes<HTMLElement>, "title">;

/** A headline figure: what it counts, the number, and a line of context. */
export function Stat({ label, value, exact, detail, href, testId, ...rest }: StatProps) {
  return (
    <section className={styles.stat} aria-label={label} {...rest}>
      <h2 className={styles.label}>
        {href ? (
          <Link href={href} className={styles.link}>
            {label.slice(0, label.lastIndexOf(" ") + 1)}
            {/* The arrow stays on the line of the label's last word. */}
            <span className={styles.nowrap}>
              {label.slice(label.lastIndexOf(" ") + 1)}
              <ArrowRightIcon className={styles.arrow} width={14} height={14} />
            </span>
          </Link>
        ) : (
          label
        )}
      </h2>
      <p className={`${styles.value} num`} title={exact} data-testid={testId}>
        {value}
      </p>
      {detail && <div className={styles.detail}>{detail}</div>}
    </section>
  );
}
