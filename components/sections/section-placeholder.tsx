import { navItem, type SectionHref } from "@/components/shell/nav-items";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { recordCounts } from "@/lib/overview/record-counts";
import { schemaSummary } from "@/lib/schema/summary";
import { sectionFacts } from "./section-facts";
import { SeedHint } from "./seed-hint";

/** A section whose page is still to be built: what it will show, and what the database holds for it today. */
export async function SectionPlaceholder({ href }: { href: SectionHref }) {
  const { label, summary, icon: Icon } = navItem(href);
  const [counts, schema] = await Promise.all([recordCounts(), schemaSummary()]);
  const fact = sectionFacts(counts, schema)[href];
  return (
    <>
      <PageHeader title={label} description={summary} />
      <EmptyState
        icon={<Icon width={22} height={22} />}
        title={fact.text}
        data-testid="section-fact"
        actions={
          <ButtonLink href="/" variant="secondary">
            Back to Overview
          </ButtonLink>
        }
      >
        <p>The full {label} view is on its way. Until then, the Overview has the headline figures.</p>
        {fact.empty && <SeedHint />}
      </EmptyState>
    </>
  );
}
