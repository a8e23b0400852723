import type { Metadata } from "next";
import { redirect } from "next/navigation";
import styles from "@/components/auth/auth.module.css";
import { SignInForm } from "@/components/auth/sign-in-form";
import { authEnabled } from "@/lib/auth/auth-mode";
import { currentUser } from "@/lib/auth/current-user";
import { setupOpen } from "@/lib/auth/first-admin";
import { safeNextPath } from "@/lib/auth/schema";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNextPath(String((await searchParams).next ?? "/"));
  if (!authEnabled() || (await currentUser())) redirect(next);
  // A fresh install has nobody to sign in as: the first visitor sets up the admin account instead.
  if (await setupOpen(db)) redirect("/setup");
  return (
    <div className={styles.page}>
      <section className={styles.card} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title" className={styles.title}>
          Sign in to RALL
        </h1>
        <p className={styles.lead}>The dashboard of the ReasonKit Adaptive Learning Loop.</p>
        <SignInForm next={next} />
        <p className={styles.footnote}>No account yet? Ask an admin to create one under Settings → Users.</p>
      </section>
    </div>
  );
}
