import type { Metadata } from "next";
import { connection } from "next/server";
import { RegisterRunForm } from "@/components/runs/register/register-run-form";
import { PageHeader } from "@/components/ui/page-header";
import { latestRegisteredVersions } from "@/lib/runs/register-run";
import { canWrite, requireViewer } from "@/lib/auth/guard";
import { ReadOnlyNotice } from "@/components/auth/read-only-notice";

export const metadata: Metadata = { title: "Register a run" };

export default async function RegisterRunPage() {
  const actor = await requireViewer();
  await connection();
  const latestVersions = await latestRegisteredVersions();
  return (
    <>
      <PageHeader
        title="Register a training run"
        description="Record a run trained outside the dashboard: its version, data, metrics and hyperparameters. It can then be compared with other versions and tested against them on live traffic."
      />
      {canWrite(actor) ? <RegisterRunForm latestVersions={latestVersions} /> : <ReadOnlyNotice action="register runs" />}
    </>
  );
}
