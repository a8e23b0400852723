import { Badge } from "@/components/ui/badge";
import panel from "@/components/ui/panel.module.css";
import type { UserSummary } from "@/lib/auth/users";
import styles from "./settings.module.css";
import { Timestamp } from "./timestamp";
import { UserRowActions } from "./user-row-actions";

export function UsersTable({ users, currentUserId }: { users: UserSummary[]; currentUserId: string | null }) {
  return (
    <div className={panel.scroll}>
      <table className={`${panel.table} ${panel.flush}`} data-testid="users">
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Role</th>
            <th scope="col">Created</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className={user.disabledAt ? styles.revoked : undefined} data-testid="user-row" data-username={user.username}>
              <td>
                {user.username}
                {user.id === currentUserId && <span className={panel.muted}> (you)</span>}
              </td>
              <td>
                <Badge tone={user.role === "admin" ? "warning" : user.role === "editor" ? "accent" : "neutral"}>{user.role}</Badge>
              </td>
              <td>
                <Timestamp value={user.createdAt} empty="" />
              </td>
              <td>{user.disabledAt ? <Badge tone="danger">disabled</Badge> : "active"}</td>
              <td>
                <UserRowActions user={user} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
