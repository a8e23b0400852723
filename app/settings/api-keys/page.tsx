import type { Metadata } from "next";
import { AdminsOnly } from "@/components/settings/admins-only";
import { ApiKeysTable } from "@/components/settings/api-keys-table";
import { CreateApiKeyForm } from "@/components/settings/create-api-key-form";
import styles from "@/components/settings/settings.module.css";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listApiKeys } from "@/lib/auth/api-keys";
import { requireViewer } from "@/lib/auth/guard";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const actor = await requireViewer();
  if (actor.role !== "admin") return <AdminsOnly />;
  const keys = await listApiKeys(db);
  return (
    <>
      <PageHeader
        title="Settings"
        description={
          <>
            API keys let scripts and services call the API: send <code>Authorization: Bearer &lt;key&gt;</code>. Only a hash of each key is kept, so a key is shown once, when it is created.
          </>
        }
      />
      <SettingsTabs current="/settings/api-keys" />
      <div className={styles.stack}>
        <Card title="Create a key">
          <CreateApiKeyForm />
        </Card>
        <Card title="Keys" description="Revoking a key refuses its requests at once; the row stays as a record." flush>
          {keys.length === 0 ? (
            <EmptyState title="No API keys yet">
              <p>Create one above, or from a shell: npm run api-keys:create -- --name N --scope read.</p>
            </EmptyState>
          ) : (
            <ApiKeysTable keys={keys} />
          )}
        </Card>
      </div>
    </>
  );
}
