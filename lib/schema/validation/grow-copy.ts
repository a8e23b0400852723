import type Database from "better-sqlite3";

/** Tables whose rows hang off one query and are copied with it. */
const QUERY_CHILDREN = ["feature_vectors", "feedback", "model_predictions"] as const;

function dataColumns(sqlite: Database.Database, table: string): string[] {
  return (sqlite.prepare("SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0").all(table) as { name: string }[]).map((c) => c.name);
}

const count = (sqlite: Database.Database, table: string) => (sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

/**
 * Grows the throw-away copy until it holds at least `target` queries, by copying queries together with their
 * feature vectors, feedback and predictions under new ids (every other value kept). Timings are then taken at a
 * size where an index matters, with the seeded data's own distribution: the share of rows a window or a key
 * selects stays what it was. Returns the number of queries.
 */
export function growQueries(sqlite: Database.Database, target: number): number {
  let rows = count(sqlite, "queries");
  if (rows === 0) return 0;
  const queryColumns = dataColumns(sqlite, "queries").filter((c) => c !== "id");
  while (rows < target) {
    const batch = Math.min(rows, target - rows);
    sqlite.transaction(() => {
      sqlite.exec("DROP TABLE IF EXISTS temp.grow_map");
      sqlite.prepare("CREATE TEMP TABLE grow_map AS SELECT id AS old_id, lower(hex(randomblob(16))) AS new_id FROM queries LIMIT ?").run(batch);
      sqlite.exec(`INSERT INTO queries (id, ${queryColumns.join(", ")}) SELECT m.new_id, ${queryColumns.map((c) => `q.${c}`).join(", ")} FROM queries q JOIN temp.grow_map m ON q.id = m.old_id`);
      for (const table of QUERY_CHILDREN) {
        const columns = dataColumns(sqlite, table).filter((c) => c !== "id" && c !== "query_id");
        sqlite.exec(`INSERT INTO ${table} (id, query_id, ${columns.join(", ")}) SELECT lower(hex(randomblob(16))), m.new_id, ${columns.map((c) => `t.${c}`).join(", ")} FROM ${table} t JOIN temp.grow_map m ON t.query_id = m.old_id`);
      }
      sqlite.exec("DROP TABLE temp.grow_map");
    })();
    rows = count(sqlite, "queries");
  }
  return rows;
}
