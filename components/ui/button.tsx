import Link from "next/link";
import type { ComponentProps } from "react";
import styles from "./button.module.css";

type Variant = "primary" | "secondary";

const classFor = (variant: Variant) => `${styles.button} ${styles[variant]}`;

export function Button({ variant = "secondary", ...props }: { variant?: Variant } & ComponentProps<"button">) {
  return <button type="button" className={classFor(variant)} {...props} />;
}

export function ButtonLink({ variant = "secondary", ...props }: { variant?: Variant } & ComponentProps<typeof Link>) {
  return <Link className={classFor(variant)} {...props} />;
}

/** A plain link styled as a button, for downloads and API URLs that client-side navigation must not handle. */
export function ButtonAnchor({ variant = "secondary", ...props }: { variant?: Variant } & ComponentProps<"a">) {
  return <a className={classFor(variant)} {...props} />;
}
