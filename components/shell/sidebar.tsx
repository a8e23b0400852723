"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { AccountPanel, type Account } from "./account";
import { CloseIcon, MenuIcon } from "./icons";
import { isActiveSection, NAV_ITEMS } from "./nav-items";
import styles from "./sidebar.module.css";
import { ThemeSwitcher } from "./theme-switcher";

function Brand() {
  return (
    <Link href="/" className={styles.brand}>
      <span className={styles.logo} aria-hidden="true">
        R
      </span>
      <span className={styles.brandText}>
        <span className={styles.brandName}>RALL</span>
        <span className={styles.brandSub}>Adaptive Learning Loop</span>
      </span>
    </Link>
  );
}

/**
 * The app's navigation: a fixed sidebar on wide screens, a top bar with a menu button that opens it as a panel
 * on narrow ones. With RALL_AUTH on and nobody signed in (the sign-in and setup pages) it shows no sections.
 */
export function Sidebar({ account, signInRequired }: { account: Account | null; signInRequired: boolean }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    window.addEventListener("keydown", closeOnEscape);
    return () => window.removeEventListener("keydown", closeOnEscape);
  }, [open]);

  return (
    <>
      <header className={styles.topbar}>
        <Brand />
        <button
          type="button"
          className={styles.menuButton}
          aria-expanded={open}
          aria-controls="sidebar"
          aria-label={open ? "Close navigation" : "Open navigation"}
          onClick={() => setOpen((value) => !value)}
        >
          {open ? <CloseIcon width={18} height={18} /> : <MenuIcon width={18} height={18} />}
        </button>
      </header>
      {open && <div className={styles.backdrop} aria-hidden="true" onClick={() => setOpen(false)} />}
      <aside id="sidebar" className={styles.sidebar} data-open={open}>
        <div className={styles.sidebarBrand}>
          <Brand />
        </div>
        <nav aria-label="Main" className={styles.nav} hidden={signInRequired && !account}>
          <ul className={styles.navList}>
            {NAV_ITEMS.map(({ href, label, icon: Icon }) => {
              const active = isActiveSection(href, pathname);
              return (
                <li key={href}>
                  <Link
                    href={href}
                    className={styles.navLink}
                    aria-current={active ? "page" : undefined}
                    onClick={() => setOpen(false)}
                  >
                    <Icon className={styles.navIcon} />
                    {label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className={styles.footer}>
          {account && <AccountPanel account={account} pathname={pathname} onNavigate={() => setOpen(false)} />}
          <ThemeSwitcher />
        </div>
      </aside>
    </>
  );
}
