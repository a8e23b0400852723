import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { CardSkeleton } from "@/components/overview/overview-skeletons";
import { AuditButton } from "@/components/privacy/audit-button";
import { ErasureForm } from "@/components/privacy/erasure-form";
import { BudgetSummary, ConsentCard, DeletionRequestsCard, RedactionCard, RetentionCard } from "@/components/privacy/sections";
import { ShareForm } from "@/components/privacy/share-form";
import { navItem } from "@/components/shell/nav-items";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import panel from "@/components/ui/panel.module.css";
import { canWrite, requireViewer } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Privacy" };

export default async function PrivacyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireViewer();
  const onlyFor = (who: string) => <p className={panel.muted}>Only {who} can do this; ask an admin for the role.</p>;
  await connection();
  const { summary } = navItem("/privacy");
  const params = await searchParams;
  const pattern = typeof params.pattern === "string" && params.pattern.length <= 40 ? params.pattern : undefined;
  return (
    <>
      <PageHeader title="Privacy" description={summary} />
      <div className={panel.grid}>
        <Suspense fallback={<CardSkeleton />}>
          <ConsentCard />
        </Suspense>
        <Card title="PII audit" description="Scans every text and JSON column of every table with the scrubber's detectors (also npm run privacy:audit)" data-testid="audit-card">
          {canWrite(actor) ? <AuditButton /> : onlyFor("editors and admins")}
        </Card>
        <Suspense fallback={<CardSkeleton height={360} />}>
          <RedactionCard pattern={pattern} />
        </Suspense>
        <Card title="Erasure and access" description="Everything derived from a session or a subject: delete it, or download it as JSON" data-testid="erasure-card">
          {actor.role === "admin" ? <ErasureForm /> : onlyFor("admins")}
        </Card>
        <Suspense fallback={<CardSkeleton />}>
          <DeletionRequestsCard />
        </Suspense>
        <Suspense fallback={<CardSkeleton />}>
          <RetentionCard />
        </Suspense>
        <Card title="Share aggregates" description="Daily sessions, queries and mean latency with differential privacy, for people outside the team" data-testid="share-card">
          <Suspense fallback={null}>
            <BudgetSummary />
          </Suspense>
          {canWrite(actor) ? <ShareForm /> : onlyFor("editors and admins")}
        </Card>
      </div>
    </>
  );
}
