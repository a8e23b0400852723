import { afterEach, describe, expect, it } from "vitest";
import { migrate, readMigrationFiles } from "@/lib/db/migrator";
import { insertRow } from "@/lib/db/test-fixtures/valid-rows";
import { Rng } from "@/lib/random";
import { insertQuery } from "@/lib/test-support/rows";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { exportByteRowBatches, exportRowBatches } from "./export-rows";
import { LATEST_LABELLING_FEEDBACK_ID_SQL, LATEST_VECTOR_OF_QUERY_SQL, POSITIVE_LABEL_SQL } from "./labelling";
import { insertFeedback } from "./test-rows";

// training_examples is kept equal to v_training_example_source by triggers (migration 20261128080000). These
// tests write at random through every path the triggers cover and compare the table with the view after each
// write; export-bytes.test.ts checks the view's rules against a plain reimplementation.

const MIGRATION = "20261128080000_training_examples";
let temp: TempDatabase | undefined;
afterEach(async () => {
  await temp?.close();
  temp = undefined;
});

type Db = TempDatabase["sqlite"];
const table = (db: Db) => db.prepare("SELECT * FROM training_examples ORDER BY feature_vector_id").all();
const view = (db: Db) => db.prepare("SELECT * FROM v_training_example_source ORDER BY feature_vector_id").all();
const ids = (db: Db, from: string) => db.prepare(`SELECT id FROM ${from} ORDER BY id`).pluck().all() as string[];

const EMBEDDINGS = ["[0.1,0.2]", "[1,2,3]", '["é",1]', "[4.5]"];
const TIMES = ["2026-01-01T00:00:00.000Z", "2026-01-02T00:00:00.000Z", "2026-01-03T00:00:00.000Z"];
const MODELS = ["m1", "m2", null];
const FEEDBACK = ["thumbs_up", "thumbs_down", "explicit", "implicit"] as const;
// Inserts outweigh deletes, so the tables grow while every kind of write keeps happening.
const WRITES = [
  ["insert query", 2], ["update query", 1], ["delete query", 0.5],
  ["insert vector", 4], ["update vector", 1], ["move vector", 1], ["delete vector", 1],
  ["insert feedback", 3], ["update feedback", 1], ["delete feedback", 1],
] as const;

/** One random write: insert, update or delete a query, a feature vector or a feedback row. */
function randomWrite(db: Db, rng: Rng, step: number): string {
  const queries = ids(db, "queries");
  const vectors = ids(db, "feature_vectors");
  const feedback = ids(db, "feedback");
  const write = queries.length < 3 ? "insert query" : rng.weighted(WRITES);
  const embedding = rng.pick(EMBEDDINGS);
  switch (write) {
    case "insert query":
      insertQuery(db, { timestamp: rng.pick(TIMES) });
      break;
    case "update query":
      db.prepare("UPDATE queries SET result_quality_score = ?, timestamp = ?, tool_calls = ? WHERE id = ?").run(rng.pick([null, 0.25, 0.1 + 0.2]), rng.pick(TIMES), rng.int(0, 4), rng.pick(queries));
      break;
    case "delete query":
      db.prepare("DELETE FROM queries WHERE id = ?").run(rng.pick(queries));
      break;
    case "insert vector":
      insertRow(db, "feature_vectors", {
        id: `fv-${String(step).padStart(4, "0")}`,
        query_id: rng.pick(queries),
        computed_at: rng.pick(TIMES),
        embedding,
        embedding_model: rng.pick(MODELS),
        embedding_dim: JSON.parse(embedding).length,
        features: rng.pick([null, "{}", '{"k":1}']),
        feature_version: rng.pick(["fv-1", "fv-2", null]),
      });
      break;
    case "update vector":
      if (vectors.length === 0) return "nothing";
      db.prepare("UPDATE feature_vectors SET computed_at = ?, embedding_model = ?, embedding = ?, embedding_dim = ? WHERE id = ?").run(rng.pick(TIMES), rng.pick(MODELS), embedding, JSON.parse(embedding).length, rng.pick(vectors));
      break;
    case "move vector":
      if (vectors.length === 0) return "nothing";
      db.prepare("UPDATE feature_vectors SET query_id = ? WHERE id = ?").run(rng.pick(queries), rng.pick(vectors));
      break;
    case "delete vector":
      if (vectors.length === 0) return "nothing";
      db.prepare("DELETE FROM feature_vectors WHERE id = ?").run(rng.pick(vectors));
      break;
    case "insert feedback": {
      const type = rng.pick(FEEDBACK);
      insertFeedback(db, { query_id: rng.pick(queries), timestamp: rng.pick(TIMES), feedback_type: type, rating: type === "explicit" && rng.chance(0.7) ? rng.int(1, 5) : undefined });
      break;
    }
    case "update feedback": {
      if (feedback.length === 0) return "nothing";
      const type = rng.pick(FEEDBACK);
      db.prepare("UPDATE feedback SET feedback_type = ?, rating = ?, timestamp = ?, query_id = ? WHERE id = ?").run(type, type === "explicit" ? rng.int(1, 5) : null, rng.pick(TIMES), rng.pick([...queries, null]), rng.pick(feedback));
      break;
    }
    case "delete feedback":
      if (feedback.length === 0) return "nothing";
      db.prepare("DELETE FROM feedback WHERE id = ?").run(rng.pick(feedback));
      break;
  }
  return write;
}

describe("training_examples", () => {
  it("equals v_training_example_source after every one of 600 random writes", () => {
    temp = createTempDatabase();
    const db = temp.sqlite;
    const rng = new Rng("training-examples");
    const seen = new Set<string>();
    for (let step = 0; step < 600; step++) {
      const write = randomWrite(db, rng, step);
      seen.add(write);
      expect(table(db), `after step ${step} (${write})`).toEqual(view(db));
    }
    // The run exercised every kind of write, and the table is not trivially empty.
    expect([...seen].filter((write) => write !== "nothing").sort()).toEqual(WRITES.map(([write]) => write).sort());
    expect(table(db).length).toBeGreaterThan(20);
    expect(db.prepare("SELECT COUNT(*) FROM training_examples WHERE is_latest = 0").pluck().get()).toBeGreaterThan(0);
    expect(db.prepare("SELECT COUNT(*) FROM training_examples WHERE positive_label IS NOT NULL").pluck().get()).toBeGreaterThan(0);
  });

  it("stays equal to the view when one query has thousands of vectors (each vector write touches at most two rows)", () => {
    temp = createTempDatabase();
    const db = temp.sqlite;
    const rng = new Rng("training-examples/one-query");
    const query = insertQuery(db, { timestamp: TIMES[0]! });
    db.transaction(() => {
      for (let i = 0; i < 3_000; i++) {
        insertRow(db, "feature_vectors", {
          id: `fv-${rng.hex(4)}-${i}`,
          query_id: query,
          computed_at: rng.pick(TIMES),
          embedding: "[1,2]",
          embedding_model: rng.pick(MODELS),
          embedding_dim: 2,
          features: null,
          feature_version: null,
        });
        if (i % 500 === 0) insertFeedback(db, { query_id: query, timestamp: rng.pick(TIMES), feedback_type: rng.pick(["thumbs_up", "thumbs_down"] as const) });
      }
    })();
    expect(table(db)).toEqual(view(db));
    const vectors = ids(db, "feature_vectors");
    db.transaction(() => {
      for (const id of vectors.filter((_, i) => i % 2 === 0)) db.prepare("DELETE FROM feature_vectors WHERE id = ?").run(id);
    })();
    expect(table(db)).toEqual(view(db));
    expect(db.prepare("SELECT COUNT(*) FROM training_examples WHERE is_latest = 1").pluck().get()).toBe(MODELS.length);
    db.prepare("DELETE FROM queries WHERE id = ?").run(query);
    expect(table(db)).toEqual([]);
  });

  it("labels and keeps vectors by the same rules as labelling.ts, which the importance ranking and similar queries use", () => {
    temp = createTempDatabase();
    const db = temp.sqlite;
    const rng = new Rng("training-examples/labelling");
    for (let step = 0; step < 300; step++) randomWrite(db, rng, step);
    const byLabellingTs = db
      .prepare(
        `SELECT fv.id AS feature_vector_id, lf.feedback_type AS label_feedback_type, lf.rating AS label_rating, ${POSITIVE_LABEL_SQL} AS positive_label,
           ${LATEST_VECTOR_OF_QUERY_SQL} AS is_latest
         FROM feature_vectors fv JOIN queries q ON q.id = fv.query_id LEFT JOIN feedback lf ON lf.id = ${LATEST_LABELLING_FEEDBACK_ID_SQL}
         ORDER BY fv.id`,
      )
      .all();
    const stored = db.prepare("SELECT feature_vector_id, label_feedback_type, label_rating, positive_label, is_latest FROM training_examples ORDER BY feature_vector_id").all();
    expect(stored.length).toBeGreaterThan(20);
    expect(stored).toEqual(byLabellingTs);
  });

  it("is filled from the rows already stored when the migration is applied", () => {
    temp = createTempDatabase({ migrated: false });
    const db = temp.sqlite;
    const files = readMigrationFiles();
    const at = files.findIndex((file) => file.name === MIGRATION);
    expect(at).toBeGreaterThan(0);
    migrate(db, files.slice(0, at));
    const rng = new Rng("training-examples/backfill");
    for (let step = 0; step < 150; step++) randomWrite(db, rng, step);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'training_examples'").pluck().get()).toBe(0);
    migrate(db, files);
    expect(table(db).length).toBe(db.prepare("SELECT COUNT(*) FROM feature_vectors").pluck().get());
    expect(table(db)).toEqual(view(db));
  });

  it("the export cuts each page's embeddings out of one read by the stored byte lengths, and refuses lengths that disagree", () => {
    temp = createTempDatabase();
    const db = temp.sqlite;
    const rng = new Rng("training-examples/export");
    for (let step = 0; step < 200; step++) randomWrite(db, rng, step);
    const filters = { since: "2000-01-01T00:00:00.000Z", model: null, featureVersion: null, labelledOnly: false };
    const exported = [...exportRowBatches(db, filters, 7)].flat();
    const stored = db
      .prepare("SELECT e.feature_vector_id, fv.embedding FROM training_examples e JOIN feature_vectors fv ON fv.id = e.feature_vector_id WHERE e.is_latest = 1 ORDER BY e.feature_vector_id")
      .all() as { feature_vector_id: string; embedding: string }[];
    expect(exported.length).toBeGreaterThan(10);
    expect(exported.map((row) => [row.feature_vector_id, row.embedding])).toEqual(stored.map((row) => [row.feature_vector_id, row.embedding]));

    db.prepare("UPDATE training_examples SET embedding_bytes = embedding_bytes + 1 WHERE feature_vector_id = ?").run(stored[3]!.feature_vector_id);
    expect(() => [...exportByteRowBatches(db, filters, 7)]).toThrow(/Export page: the embeddings hold \d+ bytes, the rows \d+/);
  });
});
