import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { SnapshotsTable } from "@/components/features/snapshots/snapshots-table";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listSnapshots } from "@/lib/features/snapshots";
import { requireViewer } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Training-data snapshots" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SnapshotsPage({ searchParams }: Props) {
  await requireViewer();
  await connection();
  const params = await searchParams;
  const page = await listSnapshots(typeof params.page === "string" ? Number(params.page) : 1);
  return (
    <>
      <PageHeader
        title="Training-data snapshots"
        description="Saved exports: their filters, row count and the SHA-256 of their bytes. A re-export is byte-identical while the rows are unchanged; open a snapshot to verify it."
        aside={
          <ButtonLink href="/features" variant="primary">
            Save a snapshot
          </ButtonLink>
        }
      />
      {page.total === 0 ? (
        <EmptyState title="No snapshots yet" data-testid="no-snapshots">
          <p>
            Save one from the export form on <Link href="/features">Features</Link>: choose the filters, name it and press “Save snapshot”. A training run can then
            cite the snapshot it was trained on.
          </p>
        </EmptyState>
      ) : (
        <Card title={`${page.total.toLocaleString("en-US")} ${page.total === 1 ? "snapshot" : "snapshots"}`} description="Newest first. Times in UTC; the full hash on hover." flush>
          <SnapshotsTable page={page} />
        </Card>
      )}
    </>
  );
}
