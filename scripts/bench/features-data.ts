import type Database from "better-sqlite3";
import { fillEmbeddingDoubles } from "@/lib/features/embedding-doubles";
import { Rng } from "@/lib/random";

const VARIANTS = 64;
const TOPICS = 40;
const CHUNKS = 24;

/**
 * Feature vectors written straight into a temporary database for the features benchmark (much faster than the
 * `--size large` seed, which also writes every other table): `rows` queries with one vector each, embeddings
 * of `dim` dimensions drawn around 40 topic centres (so neighbours are meaningful), a third labelled.
 *
 * Speed matters at 200K × 384 (77M values): the dimensions are cut into 24 chunks, and each topic has 64
 * variants of each chunk's text (centre + N(0, 0.6) noise, formatted once per data set), so a row's embedding
 * is 24 picks (6 bits of a 32-bit draw each) and a join instead of 384 Box–Muller draws and number formats.
 * Each embedding's float64 copy is written as the app writes it (lib/features/embedding-doubles.ts).
 * Rows are still all but surely distinct (64^24 combinations at 384 dimensions). One transaction,
 * written without CHECKs or journal (below), then the database is back to the app's WAL settings.
 */
export function insertBenchFeatureVectors(sqlite: Database.Database, options: { rows: number; dim: number; model: string; seed?: string }): void {
  const { dim } = options;
  const rng = new Rng(options.seed ?? `bench-features/${options.model}`);
  const centres = Array.from({ length: TOPICS }, () => Array.from({ length: dim }, () => rng.normal(0, 1)));
  const chunks = Math.min(CHUNKS, dim);
  const width = Math.ceil(dim / chunks);
  // texts[topic][chunk][variant]: the JSON text of that chunk's values, comma-separated.
  const texts = centres.map((centre) =>
    Array.from({ length: chunks }, (_, c) =>
      Array.from({ length: VARIANTS }, () =>
        centre
          .slice(c * width, (c + 1) * width)
          .map((x) => String(Math.round((x + rng.normal(0, 0.6)) * 1e5) / 1e5))
          .join(","),
      ),
    ),
  );
  sqlite.prepare("INSERT OR IGNORE INTO sessions (id, subject_id, started_at) VALUES ('bench-session', ?, '2026-01-01T00:00:00.000Z')").run("ab".repeat(32));
  const query = sqlite.prepare(
    `INSERT INTO queries (id, session_id, timestamp, query_hash, query_length, latency_ms, tool_calls, result_quality_score)
     VALUES (?, 'bench-session', ?, ?, ?, 100, ?, ?)`,
  );
  const vector = sqlite.prepare(
    `INSERT INTO feature_vectors (id, query_id, computed_at, embedding, embedding_model, embedding_dim, features, feature_version)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'fv-2')`,
  );
  const feedback = sqlite.prepare("INSERT INTO feedback (id, session_id, query_id, timestamp, feedback_type) VALUES (?, 'bench-session', ?, ?, ?)");
  const now = Date.now();
  const parts: string[] = new Array<string>(chunks);
  const insertAll = sqlite.transaction(() => {
    // training_examples is filled once at the end from its view instead of by the triggers row by row (which
    // tripled the insert time); the triggers are dropped and recreated inside this one transaction.
    const triggers = sqlite.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'trg\\_training\\_examples\\_%' ESCAPE '\\'").all() as { name: string; sql: string }[];
    for (const { name } of triggers) sqlite.exec(`DROP TRIGGER ${name}`);
    for (let i = 0; i < options.rows; i++) {
      // Sequential ids: B-tree appends instead of random inserts, several times faster to write.
      const suffix = String(i).padStart(8, "0");
      const id = `bench-q-${suffix}`;
      const at = new Date(now - rng.int(0, 80) * 86_400_000 - rng.int(0, 86_399_999)).toISOString();
      const topic = texts[rng.int(0, TOPICS - 1)]!;
      let bits = 0;
      for (let c = 0; c < chunks; c++) {
        if (c % 5 === 0) bits = rng.uint32();
        parts[c] = topic[c]![bits & (VARIANTS - 1)]!;
        bits >>>= 6;
      }
      const tools = rng.int(0, 5);
      query.run(id, at, `${suffix}${rng.uint32().toString(16).padStart(8, "0")}`.padEnd(64, "0"), rng.int(10, 400), tools, Math.round(rng.next() * 1000) / 1000);
      vector.run(`bench-v-${suffix}`, id, at, `[${parts.join(",")}]`, options.model, dim, `{"tool_count":${tools},"profile":"${rng.pick(["fast", "balanced", "deep"])}"}`);
      if (rng.chance(0.33)) feedback.run(`bench-f-${suffix}`, id, at, rng.chance(0.7) ? "thumbs_up" : "thumbs_down");
    }
    sqlite.exec("DELETE FROM training_examples; INSERT INTO training_examples SELECT * FROM v_training_example_source");
    for (const { sql } of triggers) sqlite.exec(sql);
    fillEmbeddingDoubles(sqlite);
  });
  // The generator's rows satisfy the schema's CHECKs by construction; checking them would parse each embedding's
  // JSON three times (json_valid, json_type, json_array_length), most of the insert time. A temporary database
  // needs no rollback journal either. Both are restored before anything is measured.
  sqlite.pragma("ignore_check_constraints = ON");
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  try {
    insertAll();
  } finally {
    sqlite.pragma("ignore_check_constraints = OFF");
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
  }
}
