import type { Metadata } from "next";
import { connection } from "next/server";
import { CreateAbTestForm } from "@/components/ab-tests/create-ab-test-form";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { runOptions } from "@/lib/ab-tests/ab-test-detail";
import { canWrite, requireViewer } from "@/lib/auth/guard";
import { ReadOnlyNotice } from "@/components/auth/read-only-notice";

export const metadata: Metadata = { title: "Start an A/B test" };

export default async function NewAbTestPage() {
  const actor = await requireViewer();
  await connection();
  const runs = await runOptions();
  return (
    <>
      <PageHeader
        title="Start an A/B test"
        description="Compare two versions of one model on live traffic. Samples and successes are counted from each version's labelled predictions in the test window."
      />
      {!canWrite(actor) ? (
        <ReadOnlyNotice action="start A/B tests" />
      ) : runs.length < 2 ? (
        <EmptyState
          title="Two model versions are needed"
          actions={
            <ButtonLink href="/runs/new" variant="primary">
              Register a run
            </ButtonLink>
          }
        >
          <p>An A/B test compares two registered versions of the same model. Register the versions first.</p>
        </EmptyState>
      ) : (
        <CreateAbTestForm runs={runs} />
      )}
    </>
  );
}
