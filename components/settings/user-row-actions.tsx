"use client";

import { useActionState, useState, useTransition } from "react";
import { changeUserRoleAction, setUserDisabledAction, type SettingsActionState } from "@/app/settings/actions";
import { Button } from "@/components/ui/button";
import type { UserSummary } from "@/lib/auth/users";
import styles from "./settings.module.css";

/** A user's role picker and disable/enable button, each answering with the server's message (e.g. last admin). */
export function UserRowActions({ user }: { user: UserSummary }) {
  const [roleState, roleAction, rolePending] = useActionState<SettingsActionState, FormData>(changeUserRoleAction.bind(null, user.id), null);
  const [disableState, setDisableState] = useState<SettingsActionState>(null);
  const [pending, startTransition] = useTransition();
  const state = disableState ?? roleState;
  return (
    <div>
      <div className={styles.rowActions}>
        <form action={roleAction} className={styles.inline}>
          <label className="visually-hidden" htmlFor={`role-${user.id}`}>
            Role of {user.username}
          </label>
          <select id={`role-${user.id}`} name="role" className={styles.select} defaultValue={user.role} key={user.role}>
            <option value="viewer">viewer</option>
            <option value="editor">editor</option>
            <option value="admin">admin</option>
          </select>
          <Button type="submit" disabled={rolePending}>
            {rolePending ? "Saving…" : "Change role"}
          </Button>
        </form>
        <Button
          disabled={pending}
          onClick={() => {
            setDisableState(null);
            startTransition(async () => setDisableState(await setUserDisabledAction(user.id, user.disabledAt === null)));
          }}
        >
          {user.disabledAt === null ? "Disable" : "Enable"}
        </Button>
      </div>
      {state && (
        <p role={state.ok ? "status" : "alert"} className={`${styles.message} ${state.ok ? "" : styles.refused}`} data-testid="user-action-message">
          {state.message}
        </p>
      )}
    </div>
  );
}
