import { Badge } from "@/components/ui/badge";
import panel from "@/components/ui/panel.module.css";
import type { ApiKeySummary } from "@/lib/auth/api-keys";
import { RevokeKeyButton } from "./revoke-key-button";
import styles from "./settings.module.css";
import { Timestamp } from "./timestamp";

export function ApiKeysTable({ keys }: { keys: ApiKeySummary[] }) {
  return (
    <div className={panel.scroll}>
      <table className={`${panel.table} ${panel.flush}`} data-testid="api-keys">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Scope</th>
            <th scope="col">Created by</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id} className={key.revokedAt ? styles.revoked : undefined} data-testid="api-key-row" data-key-name={key.name}>
              <td>{key.name}</td>
              <td className={styles.mono}>{key.prefix}…</td>
              <td>
                <Badge tone={key.scope === "admin" ? "warning" : key.scope === "write" ? "accent" : "neutral"}>{key.scope}</Badge>
              </td>
              <td>{key.createdBy ?? "shell"}</td>
              <td>
                <Timestamp value={key.createdAt} empty="" />
              </td>
              <td>
                <Timestamp value={key.lastUsedAt} empty="never" />
              </td>
              <td>
                {key.revokedAt ? (
                  <span className={styles.rowActions}>
                    Revoked&nbsp;
                    <Timestamp value={key.revokedAt} empty="" />
                  </span>
                ) : (
                  <RevokeKeyButton id={key.id} name={key.name} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
