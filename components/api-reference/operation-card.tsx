import { Badge, type BadgeTone } from "@/components/ui/badge";
import { MAX_BATCH_ITEMS } from "@/lib/api/batch";
import type { ReferenceOperation } from "@/lib/api/reference";
import styles from "./api-reference.module.css";
import { FieldTable } from "./field-table";

const METHOD_TONE: Record<ReferenceOperation["method"], BadgeTone> = { GET: "success", POST: "accent", PATCH: "warning" };

/** One endpoint: method and path, the scope it needs, its fields, its errors and how to call it. */
export function OperationCard({ operation }: { operation: ReferenceOperation }) {
  const errors = Object.entries(operation.errors ?? {});
  return (
    <article className={styles.operation} id={operation.anchor} aria-labelledby={`${operation.anchor}-title`} data-operation={operation.id}>
      <header className={styles.operationHeader}>
        <h3 className={styles.operationTitle} id={`${operation.anchor}-title`}>
          <Badge tone={METHOD_TONE[operation.method]}>{operation.method}</Badge>
          <code className={styles.path}>{operation.path}</code>
        </h3>
        <span className={styles.scope} title="The API key scope this endpoint needs">
          scope <strong>{operation.scope}</strong>
        </span>
      </header>
      <p className={styles.summary}>{operation.summary}</p>
      <p className={styles.description}>{operation.description}</p>

      {operation.query && operation.query.length > 0 ? (
        <FieldTable
          caption="Query parameters"
          fields={operation.query.map((query) => ({ name: query.name, type: String(query.schema.type ?? "string"), required: false, constraints: [], description: query.description }))}
        />
      ) : null}
      <FieldTable
        caption={operation.batch ? `Body: { "items": [ … ] } with 1 to ${MAX_BATCH_ITEMS.toLocaleString("en-US")} items, each:` : "Body"}
        fields={operation.requestFields}
      />
      <FieldTable caption={`Response ${operation.response.status}: ${operation.response.description}`} fields={operation.responseFields} />
      {errors.length > 0 ? (
        <dl className={styles.errors}>
          {errors.map(([status, meaning]) => (
            <div key={status}>
              <dt>{status}</dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
      ) : null}

      <div className={styles.examples}>
        <figure className={styles.example}>
          <figcaption>curl</figcaption>
          <pre tabIndex={0}>
            <code>{operation.curl}</code>
          </pre>
        </figure>
        {operation.python ? (
          <figure className={styles.example}>
            <figcaption>Python (clients/python/rall_client.py)</figcaption>
            <pre tabIndex={0}>
              <code>{`import rall_client as rall\n\n${operation.python}`}</code>
            </pre>
          </figure>
        ) : null}
      </div>
    </article>
  );
}
