import type Database from "better-sqlite3";
import { Rng } from "@/lib/random";

/**
 * Feature vectors written straight into a temporary database for the features benchmark (much faster than the
 * `--size large` seed, which also writes every other table): `rows` queries with one vector each, embeddings
 * of `dim` dimensions drawn around 40 topic centres (so neighbours are meaningful), a third labelled.
 */
export function insertBenchFeatureVectors(sqlite: Database.Database, options: { rows: number; dim: number; model: string; seed?: string }): void {
  const rng = new Rng(options.seed ?? `bench-features/${options.model}`);
  const centres = Array.from({ length: 40 }, () => Array.from({ length: options.dim }, () => rng.normal(0, 1)));
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
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      // Sequential ids: B-tree appends instead of random inserts, several times faster to write.
      const id = `bench-q-${String(i).padStart(8, "0")}`;
      const at = new Date(now - rng.int(0, 80) * 86_400_000 - rng.int(0, 86_399_999)).toISOString();
      const centre = centres[rng.int(0, centres.length - 1)]!;
      const embedding = centre.map((x) => Math.round((x + rng.normal(0, 0.6)) * 1e5) / 1e5);
      const tools = rng.int(0, 5);
      query.run(id, at, rng.uuid().replaceAll("-", "").padEnd(64, "0"), rng.int(10, 400), tools, Math.round(rng.next() * 1000) / 1000);
      vector.run(`bench-v-${String(i).padStart(8, "0")}`, id, at, JSON.stringify(embedding), options.model, options.dim, JSON.stringify({ tool_count: tools, profile: rng.pick(["fast", "balanced", "deep"]) }));
      if (rng.chance(0.33)) feedback.run(`bench-f-${String(i).padStart(8, "0")}`, id, at, rng.chance(0.7) ? "thumbs_up" : "thumbs_down");
    }
  });
  for (let from = 0; from < options.rows; from += 10_000) batch(from, Math.min(options.rows, from + 10_000));
}
