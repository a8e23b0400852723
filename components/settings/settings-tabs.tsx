import Link from "next/link";
import styles from "./settings.module.css";

const TABS = [
  { href: "/settings/api-keys", label: "API keys" },
  { href: "/settings/users", label: "Users" },
] as const;

export function SettingsTabs({ current }: { current: (typeof TABS)[number]["href"] }) {
  return (
    <nav aria-label="Settings" className={styles.tabs}>
      {TABS.map((tab) => (
        <Link key={tab.href} href={tab.href} className={styles.tab} aria-current={tab.href === current ? "page" : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
