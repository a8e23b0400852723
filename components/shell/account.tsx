import Link from "next/link";
import styles from "./sidebar.module.css";

export type Account = { username: string; role: "viewer" | "editor" | "admin" };

/** Who is signed in, the admins' way to settings, and signing out (a plain form POST, so it works without script). */
export function AccountPanel({ account, pathname, onNavigate }: { account: Account; pathname: string; onNavigate: () => void }) {
  return (
    <div className={styles.account} data-testid="account">
      <p className={styles.accountName}>
        <span className={styles.accountUser} data-testid="account-user">
          {account.username}
        </span>
        <span className={styles.accountRole}>{account.role}</span>
      </p>
      <div className={styles.accountActions}>
        {account.role === "admin" && (
          <Link href="/settings/api-keys" className={styles.accountLink} aria-current={pathname.startsWith("/settings") ? "page" : undefined} onClick={onNavigate}>
            Settings
          </Link>
        )}
        <form action="/sign-out" method="post">
          <button type="submit" className={styles.accountLink} data-testid="sign-out">
            Sign out
          </button>
        </form>
      </div>
    </div>
  );
}
