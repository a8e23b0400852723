import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { ValidationReportView } from "@/components/schema/validation-report";
import styles from "@/components/schema/validation.module.css";
import { Button, ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { SkeletonCard } from "@/components/ui/skeleton";
import { requireViewer } from "@/lib/auth/guard";
import { liveValidation } from "@/lib/schema/validation/live-validation";

export const metadata: Metadata = { title: "Schema validation" };

async function Report({ rerun }: { rerun: boolean }) {
  return <ValidationReportView report={await liveValidation({ rerun })} />;
}

function Running() {
  return (
    <div className={styles.running} role="status" data-testid="validation-running">
      <p>Running the checks: auditing every text column for PII, exercising the write paths and timing the key queries on a throw-away copy. This takes several seconds.</p>
      <SkeletonCard lines={4} />
      <SkeletonCard lines={4} />
    </div>
  );
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SchemaValidationPage({ searchParams }: Props) {
  await requireViewer();
  await connection();
  const rerun = (await searchParams).rerun === "1";
  return (
    <>
      <PageHeader
        title="Schema validation"
        description="The design document's validation checklist (privacy, ML suitability, performance, data quality) run against the live database. The same checks as npm run db:check."
        aside={
          <form action="/schema/validation">
            <ButtonLink href="/schema" variant="secondary">Schema</ButtonLink> <input type="hidden" name="rerun" value="1" />
            <Button type="submit" variant="primary">Re-run checks</Button>
          </form>
        }
      />
      <Suspense fallback={<Running />}>
        <Report rerun={rerun} />
      </Suspense>
    </>
  );
}
