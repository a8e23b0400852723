import type { Metadata } from "next";
import Link from "next/link";
import { OperationCard } from "@/components/api-reference/operation-card";
import styles from "@/components/api-reference/api-reference.module.css";
import { navItem } from "@/components/shell/nav-items";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/guard";
import { MAX_BATCH_ITEMS, MAX_LISTED_ITEM_ERRORS } from "@/lib/api/batch";
import { IDEMPOTENCY_HEADER, REPLAYED_HEADER } from "@/lib/api/idempotency";
import { apiReference } from "@/lib/api/reference";

export const metadata: Metadata = { title: "API" };

const limit = MAX_BATCH_ITEMS.toLocaleString("en-US");

/** The ingestion API's reference, rendered from the OpenAPI document /api/v1/openapi.json serves. */
export default async function ApiReferencePage() {
  await requireViewer();
  const groups = apiReference();
  return (
    <>
      <PageHeader
        title="API"
        description={navItem("/api-reference").summary}
        aside={
          <div className={styles.headerLinks}>
            <ButtonLink href="/api-reference/ml-integration-guide.md" prefetch={false}>
              ML integration guide
            </ButtonLink>
            <ButtonLink href="/api/v1/openapi.json" prefetch={false}>
              OpenAPI document
            </ButtonLink>
          </div>
        }
      />
      <div className={styles.intro}>
        <Card title="Authentication">
          <p>
            Send an API key as <code>Authorization: Bearer &lt;key&gt;</code>. Each endpoint names the scope it needs: <strong>read</strong>,{" "}
            <strong>write</strong> (includes read) or <strong>admin</strong>.
          </p>
          <p>
            JSON in, JSON out. Free text is scrubbed for personal data before it is stored, and every refusal says that nothing was written.
          </p>
        </Card>
        <Card title="Batches and retries">
          <ul>
            <li>
              Batch bodies are <code>{"{ \"items\": [ … ] }"}</code> with at most {limit} items (more: 413). Every item is checked before any is written; one bad
              item refuses the batch with <code>items: [{"{ index, fieldErrors }"}]</code> (the first {MAX_LISTED_ITEM_ERRORS} listed) and nothing is written.
            </li>
            <li>
              Send an <code>{IDEMPOTENCY_HEADER}</code> (a UUID) with each write: a retry with the same key and body is answered from the first response (
              <code>{REPLAYED_HEADER}: true</code>) and writes nothing; the key with another body is refused with 422. Keys are kept 24 hours.
            </li>
          </ul>
        </Card>
        <Card title="Clients">
          <p>
            Python, standard library only: <code>clients/python/rall_client.py</code> with <code>log_run</code>, <code>log_predictions</code>,{" "}
            <code>log_ground_truth</code>, <code>log_feature_vectors</code> and <code>record_ab_outcomes</code>. It retries with the same key.
          </p>
          <p>
            TypeScript: <code>clients/typescript/rall-client.ts</code>, typed from this document.
          </p>
        </Card>
      </div>
      <nav aria-label="API resources">
        <ul className={styles.toc}>
          {groups.map((group) => (
            <li key={group.anchor}>
              <Link href={`#${group.anchor}`}>{group.resource}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((group) => (
        <section key={group.anchor} id={group.anchor} className={styles.group} aria-labelledby={`${group.anchor}-heading`}>
          <h2 className={styles.groupTitle} id={`${group.anchor}-heading`}>
            {group.resource}
          </h2>
          {group.operations.map((operation) => (
            <OperationCard key={operation.id} operation={operation} />
          ))}
        </section>
      ))}
    </>
  );
}
