import Link from "next/link";
import { formatCount } from "@/lib/format";
import styles from "./predictions.module.css";

/** Server-rendered pagination: position and first/previous/next/last as links that keep the rest of the view. */
export function PageLinks({ page, pageCount, total, pageSize, noun, href }: { page: number; pageCount: number; total: number; pageSize: number; noun: string; href: (page: number) => string }) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const link = (target: number, label: string, text: string, disabled: boolean) => (
    <Link href={href(target)} className={styles.pageLink} aria-label={label} aria-disabled={disabled || undefined} tabIndex={disabled ? -1 : undefined}>
      {text}
    </Link>
  );
  return (
    <nav className={styles.pagination} aria-label="Pagination">
      <span className="num" data-testid="page-status">
        {formatCount(first)}–{formatCount(last)} of {formatCount(total)} {total === 1 ? noun : `${noun}s`} · page {formatCount(page)} of {formatCount(pageCount)}
      </span>
      <span className={styles.pageLinks}>
        {link(1, "First page", "«", page <= 1)}
        {link(page - 1, "Previous page", "‹", page <= 1)}
        {link(page + 1, "Next page", "›", page >= pageCount)}
        {link(pageCount, "Last page", "»", page >= pageCount)}
      </span>
    </nav>
  );
}
