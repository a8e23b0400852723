"use client";

import { useActionState } from "react";
import { auditAction, type AuditState } from "@/app/privacy/actions";
import { Button } from "@/components/ui/button";
import { formatCount } from "@/lib/format";
import styles from "./privacy.module.css";
import panel from "@/components/ui/panel.module.css";

/** Runs the PII audit on demand (it reads every text value, so it is not run on each page view). */
export function AuditButton() {
  const [state, formAction, pending] = useActionState<AuditState>(auditAction, null);
  const report = state?.ok ? state.report : undefined;
  return (
    <form action={formAction} className={styles.stack}>
      <div>
        <Button type="submit" variant="primary" disabled={pending} data-testid="audit-submit">
          {pending ? "Scanning…" : "Run PII audit"}
        </Button>
      </div>
      <div role="status" data-testid="audit-status">
        {state && !state.ok && <p className={panel.error}>{state.message}</p>}
        {report && report.hits.length === 0 && (
          <p className={styles.success}>
            Clean: no personal data or secrets in {formatCount(report.valuesScanned)} values of {formatCount(report.columns)} text columns in {formatCount(report.tables)} tables.
          </p>
        )}
        {report && report.hits.length > 0 && (
          <>
            <p className={panel.error}>
              Found personal data in {formatCount(report.hits.length)} table/column/category combinations. Values are never shown.
            </p>
            <table className={panel.table} data-testid="audit-hits">
              <thead>
                <tr>
                  <th scope="col">Table</th>
                  <th scope="col">Column</th>
                  <th scope="col">Category</th>
                  <th scope="col" className={panel.num}>Values</th>
                </tr>
              </thead>
              <tbody>
                {report.hits.map((hit) => (
                  <tr key={`${hit.table}.${hit.column}.${hit.category}`}>
                    <td>{hit.table}</td>
                    <td>{hit.column}</td>
                    <td>{hit.category}</td>
                    <td className={panel.num}>{formatCount(hit.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </form>
  );
}
