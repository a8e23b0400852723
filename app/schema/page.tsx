import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { SchemaBrowser } from "@/components/schema/schema-browser";
import diagram from "@/components/schema/schema.module.css";
import { navItem } from "@/components/shell/nav-items";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/guard";
import { formatCount } from "@/lib/format";
import { describeSchema, liveErDiagram, liveSchema } from "@/lib/schema/live-schema";

export const metadata: Metadata = { title: "Schema" };

export default async function SchemaPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer();
  await connection();
  const { q } = await searchParams;
  const query = typeof q === "string" ? q.slice(0, 100) : "";
  const { summary } = navItem("/schema");
  const schema = liveSchema();
  const described = describeSchema(schema);
  const indexes = described.tables.reduce((n, t) => n + t.indexes.length, 0);
  const foreignKeys = schema.tables.reduce((n, t) => n + t.columns.filter((c) => c.foreignKey).length, 0);
  if (described.tables.length === 0) {
    return (
      <>
        <PageHeader title="Schema" description={summary} />
        <EmptyState title="The database has no tables yet" data-testid="schema-empty">
          <p>
            Run <code>npm run db:migrate</code> to create the schema, then reload this page.
          </p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Schema"
        description={summary}
        aside={<ButtonLink href="/schema/validation" variant="primary">Validate the database</ButtonLink>}
      />
      <p className={diagram.counts} data-testid="schema-counts">
        {formatCount(described.tables.length)} tables, {formatCount(described.views.length)} views, {formatCount(indexes)} indexes and {formatCount(foreignKeys)} foreign keys, read from the
        live database; meanings from <code>prisma/schema-descriptions.ts</code>. The same content is in <code>docs/schema.md</code>.
      </p>
      <Card
        title="Entity-relationship diagram"
        description="Each table with its key columns; each line a foreign key, pointing at the table it references"
        action={<a href="/schema/er-diagram.svg" download="rall-er-diagram.svg" data-testid="er-download">Download SVG</a>}
        flush
      >
        <div className={diagram.diagram} data-testid="er-diagram" dangerouslySetInnerHTML={{ __html: liveErDiagram() }} />
      </Card>
      <div style={{ marginTop: 24 }}>
        <SchemaBrowser schema={described} query={query} />
      </div>
      <p>
        <Link href="/schema/validation">Run the design document&apos;s validation checklist against this database →</Link>
      </p>
    </>
  );
}
