import type { Metadata } from "next";
import { AdminsOnly } from "@/components/settings/admins-only";
import { CreateUserForm } from "@/components/settings/create-user-form";
import styles from "@/components/settings/settings.module.css";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { UsersTable } from "@/components/settings/users-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/guard";
import { listUsers } from "@/lib/auth/users";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requireViewer();
  if (actor.role !== "admin") return <AdminsOnly />;
  const users = await listUsers(db);
  return (
    <>
      <PageHeader title="Settings" description="Who can sign in and what they may do. Passwords are stored only as slow (scrypt) hashes." />
      <SettingsTabs current="/settings/users" />
      <div className={styles.stack}>
        <Card title="Add a user">
          <CreateUserForm />
        </Card>
        <Card title="Users" description="Disabling an account signs it out everywhere. The last active admin cannot be demoted or disabled." flush>
          <UsersTable users={users} currentUserId={actor.userId} />
        </Card>
      </div>
    </>
  );
}
