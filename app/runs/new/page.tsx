import type { Metadata } from "next";
import { connection } from "next/server";
import { RegisterRunForm } from "@/components/runs/register/register-run-form";
import { PageHeader } from "@/components/ui/page-header";
import { snapshotChoices } from "@/lib/features/snapshots";
import { latestRegisteredVersions } from "@/lib/runs/register-run";
import { canWrite, requireViewer } from "@/lib/auth/guard";
import { ReadOnlyNotice } from "@/components/auth/read-only-notice";

export const metadata: Metadata = { title: "Register a run" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RegisterRunPage({ searchParams }: Props) {
  const actor = await requireViewer();
  await connection();
  const { snapshot } = await searchParams;
  const [latestVersions, snapshots] = await Promise.all([latestRegisteredVersions(), snapshotChoices()]);
  return (
    <>
      <PageHeader
        title="Register a training run"
        description="Record a run trained outside the dashboard: its version, data, metrics and hyperparameters. It can then be compared with other versions and tested against them on live traffic."
      />
      {canWrite(actor) ? (
        <RegisterRunForm
          latestVersions={latestVersions}
          snapshots={snapshots}
          defaultSnapshotId={typeof snapshot === "string" && snapshots.some((choice) => choice.id === snapshot) ? snapshot : ""}
        />
      ) : (
        <ReadOnlyNotice action="register runs" />
      )}
    </>
  );
}
