"use client";

import { useState, useTransition } from "react";
import { revokeApiKeyAction, type SettingsActionState } from "@/app/settings/actions";
import { Button } from "@/components/ui/button";
import styles from "./settings.module.css";

/** Revoking takes two clicks: "Revoke", then "Revoke for good" (or Cancel); a revoked key cannot be restored. */
export function RevokeKeyButton({ id, name }: { id: string; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const [state, setState] = useState<SettingsActionState>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className={styles.rowActions}>
      {confirming ? (
        <>
          <Button
            variant="primary"
            disabled={pending}
            aria-label={`Revoke ${name} for good`}
            onClick={() => startTransition(async () => setState(await revokeApiKeyAction(id)))}
          >
            {pending ? "Revoking…" : "Revoke for good"}
          </Button>
          <Button onClick={() => setConfirming(false)} disabled={pending}>
            Cancel
          </Button>
        </>
      ) : (
        <Button onClick={() => setConfirming(true)} aria-label={`Revoke ${name}`}>
          Revoke
        </Button>
      )}
      {state && !state.ok && (
        <p role="alert" className={`${styles.message} ${styles.refused}`}>
          {state.message}
        </p>
      )}
    </div>
  );
}
