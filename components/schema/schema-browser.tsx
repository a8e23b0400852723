import type { DescribedSchema, DescribedTable, DescribedView } from "@/lib/schema/live-schema";
import { filterSchema } from "@/lib/schema/filter-schema";
import panel from "@/components/ui/panel.module.css";
import styles from "./schema.module.css";

function TableSection({ table }: { table: DescribedTable }) {
  return (
    <section className={styles.object} id={`table-${table.name}`} data-testid="schema-table" data-table={table.name} aria-labelledby={`h-${table.name}`}>
      <h3 className={styles.objectTitle} id={`h-${table.name}`}>
        <code>{table.name}</code>
      </h3>
      <p className={styles.meaning}>{table.description}</p>
      <div className={styles.scroll}>
        <table className={`${panel.table} ${styles.columns}`}>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Meaning</th>
              <th scope="col">Type</th>
              <th scope="col">Not null</th>
              <th scope="col">Default</th>
              <th scope="col">Key</th>
              <th scope="col">References</th>
              <th scope="col">CHECK</th>
            </tr>
          </thead>
          <tbody>
            {table.columns.map((c) => (
              <tr key={c.name} data-testid="schema-column" data-column={c.name}>
                <td><code>{c.name}</code></td>
                <td className={styles.meaningCell}>{c.description}</td>
                <td>{c.type || "—"}{c.generated && <span className={styles.note}> generated</span>}</td>
                <td>{c.notNull ? "yes" : ""}</td>
                <td>{c.defaultValue !== null && <code>{c.defaultValue}</code>}</td>
                <td>{c.primaryKey > 0 ? "PK" : ""}</td>
                <td>
                  {c.foreignKey && (
                    <a href={`#table-${c.foreignKey.table}`} title={`ON DELETE ${c.foreignKey.onDelete}`}>
                      {c.foreignKey.table}.{c.foreignKey.column}
                    </a>
                  )}
                </td>
                <td className={styles.checks}>{c.checks.map((check) => <code key={check}>{check}</code>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.checks.length > 0 && (
        <div className={styles.constraints}>
          <h4>Table constraints</h4>
          <ul>{table.checks.map((check) => <li key={check}><code>CHECK ({check})</code></li>)}</ul>
        </div>
      )}
      {table.indexes.length > 0 && (
        <div className={styles.constraints}>
          <h4>Indexes</h4>
          <ul>
            {table.indexes.map((index) => (
              <li key={index.name} data-testid="schema-index">
                <code>{index.name}</code> on <code>{index.columns.join(", ")}</code>
                {index.unique && <span className={styles.note}> unique</span>}
                {index.partial && <span className={styles.note}> partial</span>}
                <span className={styles.indexMeaning}> — {index.description}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function ViewSection({ view }: { view: DescribedView }) {
  return (
    <section className={styles.object} id={`view-${view.name}`} data-testid="schema-view" data-view={view.name}>
      <h3 className={styles.objectTitle}>
        <code>{view.name}</code>
      </h3>
      <p className={styles.meaning}>{view.description}</p>
      <p className={styles.viewColumns}>
        Columns: {view.columns.map((c, i) => <span key={c}>{i > 0 && ", "}<code>{c}</code></span>)}
      </p>
      <details className={styles.sql}>
        <summary>SQL</summary>
        <pre>{view.sql}</pre>
      </details>
    </section>
  );
}

/**
 * Every table and view of the live schema, filtered by `query` (the URL's ?q=, so a filtered view can be shared)
 * over names, columns and meanings.
 */
export function SchemaBrowser({ schema, query }: { schema: DescribedSchema; query: string }) {
  const shown = filterSchema(schema, query);
  return (
    <div className={styles.browser}>
      <nav className={styles.toc} aria-label="Tables and views">
        <form className={styles.filter} action="/schema" role="search">
          <label htmlFor="schema-filter">Filter</label>
          <input id="schema-filter" type="search" name="q" defaultValue={query} placeholder="Table, column or meaning" data-testid="schema-filter" />
        </form>
        {query && (
          <p className={styles.filtered}>
            Showing matches for “{query}”. <a href="/schema">Show all</a>
          </p>
        )}
        <h2 className={styles.tocTitle}>Tables ({shown.tables.length})</h2>
        <ul>{shown.tables.map((t) => <li key={t.name}><a href={`#table-${t.name}`}>{t.name}</a></li>)}</ul>
        <h2 className={styles.tocTitle}>Views ({shown.views.length})</h2>
        <ul>{shown.views.map((v) => <li key={v.name}><a href={`#view-${v.name}`}>{v.name}</a></li>)}</ul>
      </nav>
      <div className={styles.objects}>
        {shown.tables.length === 0 && shown.views.length === 0 && (
          <p className={styles.empty} data-testid="schema-no-match">Nothing in the schema matches “{query}”. Try part of a table or column name.</p>
        )}
        {shown.tables.map((t) => <TableSection key={t.name} table={t} />)}
        {shown.views.length > 0 && <h2 className={styles.groupTitle}>Views</h2>}
        {shown.views.map((v) => <ViewSection key={v.name} view={v} />)}
      </div>
    </div>
  );
}
