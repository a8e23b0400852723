import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Sidebar } from "@/components/shell/sidebar";
import { THEME_SCRIPT } from "@/components/shell/theme";
import { authEnabled } from "@/lib/auth/auth-mode";
import { currentUser } from "@/lib/auth/current-user";
import styles from "./layout.module.css";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "RALL Dashboard", template: "%s · RALL Dashboard" },
  description: "Training runs, predictions, A/B tests and telemetry of the ReasonKit Adaptive Learning Loop.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f7f7f8" },
    { media: "(prefers-color-scheme: dark)", color: "#0b0b0d" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const signInRequired = authEnabled();
  const user = await currentUser();
  return (
    // The head script sets data-theme before React hydrates, hence suppressHydrationWarning on <html> only.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <Sidebar account={user && { username: user.username, role: user.role }} signInRequired={signInRequired} />
        <main id="main" className={styles.main}>
          <div className={styles.content}>{children}</div>
        </main>
      </body>
    </html>
  );
}
