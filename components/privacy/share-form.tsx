"use client";

import { useActionState, useMemo } from "react";
import { shareAggregatesAction, type ShareState } from "@/app/privacy/actions";
import { Field } from "@/components/runs/register/field";
import form from "@/components/runs/register/register.module.css";
import { formatCount } from "@/lib/format";
import styles from "./privacy.module.css";
import panel from "@/components/ui/panel.module.css";

/** "Share aggregates": daily figures with Laplace noise, spending ε from the budget. */
export function ShareForm() {
  const [state, formAction, pending] = useActionState<ShareState, FormData>(shareAggregatesAction, null);
  const values = state?.values ?? { epsilon: "1", days: "30" };
  const errors = (field: "epsilon" | "days") => (state && !state.ok ? state.fieldErrors[field] : undefined);
  const release = state?.ok ? state.release : undefined;
  const href = useMemo(
    () => (release ? `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(release, null, 2))}` : undefined),
    [release],
  );
  return (
    <form action={formAction} noValidate className={form.form} aria-busy={pending} data-testid="share-form">
      <div className={form.grid}>
        <Field name="epsilon" prefix="share" label="ε for this release" errors={errors("epsilon")} hint="Smaller is more private and noisier. Spent from the budget whether or not the file is used.">
          {(props) => <input {...props} className={form.input} type="text" inputMode="decimal" autoComplete="off" defaultValue={values.epsilon} key={`e-${values.epsilon}`} />}
        </Field>
        <Field name="days" prefix="share" label="Days (up to today, UTC)" errors={errors("days")}>
          {(props) => <input {...props} className={form.input} type="text" inputMode="numeric" autoComplete="off" defaultValue={values.days} key={`d-${values.days}`} />}
        </Field>
      </div>
      <div className={form.actions}>
        <button type="submit" className={form.submit} disabled={pending} data-testid="share-submit">
          {pending ? "Releasing…" : "Release noisy aggregates"}
        </button>
      </div>
      <div role="status" data-testid="share-status" className={state?.ok === false ? panel.error : styles.success}>
        {state?.message}
        {release && href && (
          <>
            {" "}
            <a href={href} download={`rall-shared-aggregates-${release.releasedAt.slice(0, 10)}.json`} data-testid="share-download">
              Download JSON
            </a>{" "}
            · ε left in the budget: <span className="num">{release.budgetRemaining.toFixed(2)}</span>; e.g. {release.days.at(-1)!.date}:{" "}
            <span className="num">{formatCount(release.days.at(-1)!.queries)}</span> queries (noisy)
          </>
        )}
      </div>
    </form>
  );
}
