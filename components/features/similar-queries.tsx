import Link from "next/link";
import { formatCount } from "@/lib/format";
import type { SimilarQueries } from "@/lib/features/similar-queries";
import styles from "./features.module.css";

const label = (value: number | null) => (value === null ? "unlabelled" : value === 1 ? "positive" : "negative");

/** The similar-queries search: a GET form (the query in the URL), then the neighbours with their data. */
export function SimilarQueriesSearch({ query, result }: { query: string; result: SimilarQueries | null }) {
  return (
    <div className={styles.stack}>
      <form method="get" action="/features" className={styles.form} aria-label="Find similar queries">
        <label className={styles.field}>
          Query id or hash
          <input
            name="similar"
            defaultValue={query}
            required
            className={`${styles.input} ${styles.wideInput}`}
            aria-invalid={result?.ok === false ? "true" : undefined}
            aria-describedby={result?.ok === false ? "similar-error" : undefined}
          />
        </label>
        <button type="submit" className={styles.input}>
          Find similar
        </button>
      </form>
      {result?.ok === false && (
        <p id="similar-error" className={styles.error} role="alert">
          {result.message}
        </p>
      )}
      {result?.ok && (
        <>
          <p className={styles.note} data-testid="similar-summary">
            The {result.neighbours.length} nearest of {formatCount(result.searched)} vectors of <code>{result.model}</code> by cosine similarity to query{" "}
            <code>{result.probe.queryHash.slice(0, 12)}</code> ({result.probe.queryType}, quality {result.probe.quality?.toFixed(3) ?? "—"}, {label(result.probe.positiveLabel)}).
          </p>
          <div className={styles.tableWrap}>
            <table className={styles.table} data-testid="similar-table">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Query</th>
                  <th scope="col" className={styles.numeric}>Cosine</th>
                  <th scope="col">Type</th>
                  <th scope="col" className={styles.numeric}>Quality</th>
                  <th scope="col">Label</th>
                  <th scope="col" className={styles.numeric}>Feedback</th>
                  <th scope="col">Features</th>
                </tr>
              </thead>
              <tbody>
                {result.neighbours.map((row, i) => (
                  <tr key={row.queryId} data-query-id={row.queryId}>
                    <td className={styles.numeric}>{i + 1}</td>
                    <td className={styles.mono} title={row.queryHash}>
                      <Link href={`/features?similar=${row.queryId}`}>{row.queryHash.slice(0, 12)}</Link>
                    </td>
                    <td className={styles.numeric} title={String(row.similarity)} data-testid="similarity">
                      {row.similarity.toFixed(4)}
                    </td>
                    <td>{row.queryType}</td>
                    <td className={styles.numeric}>{row.quality === null ? "—" : row.quality.toFixed(3)}</td>
                    <td>{label(row.positiveLabel)}</td>
                    <td className={styles.numeric}>{formatCount(row.feedbackCount)}</td>
                    <td className={styles.features}>
                      {Object.entries(row.features)
                        .map(([key, value]) => `${key}=${String(value)}`)
                        .join(", ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
