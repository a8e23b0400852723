import type { Metadata } from "next";
import { redirect } from "next/navigation";
import styles from "@/components/auth/auth.module.css";
import { SetupForm } from "@/components/auth/setup-form";
import { authEnabled } from "@/lib/auth/auth-mode";
import { setupOpen } from "@/lib/auth/first-admin";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Set up" };

/** The first run: create the admin account. Offered only while the database has no user at all. */
export default async function SetupPage() {
  if (!authEnabled()) redirect("/");
  if (!(await setupOpen(db))) redirect("/sign-in");
  return (
    <div className={styles.page}>
      <section className={styles.card} aria-labelledby="setup-title">
        <h1 id="setup-title" className={styles.title}>
          Welcome to RALL
        </h1>
        <p className={styles.lead}>
          Create the first admin account. This page is offered only until an account exists; admins then add the team under Settings → Users.
        </p>
        <SetupForm />
        <p className={styles.footnote}>
          Deploying where others can reach the server before you do? Create the admin from a shell first: <code>npm run users:create-admin</code>.
        </p>
      </section>
    </div>
  );
}
