import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { computeQueryClusters } from "./query-clusters";

let temp: TempDatabase;
const hash = (c: string) => c.repeat(64);

/**
 * Seven 2-D embeddings of model "m": group X = (0, 0), (0, 2), (0, 1) (mean (0, 1), nearest query hash "2");
 * group Y = (10, 0), (10, 1), (11, 0), (11, 1) (mean (10.5, 0.5): all four equally near, the first wins, hash "4").
 * One more vector of model "other" at (500, 500) and one of model "m" computed later than the cut-off must be
 * ignored.
 */
beforeAll(() => {
  temp = createTempDatabase();
  const db = temp.sqlite;
  db.prepare(`INSERT INTO sessions (id, subject_id, started_at) VALUES ('s', '${"a".repeat(64)}', '2026-01-01T00:00:00.000Z')`).run();
  const query = db.prepare(
    `INSERT INTO queries (id, session_id, timestamp, query_hash, query_length, latency_ms)
     VALUES (?, 's', '2026-01-01T00:00:00.000Z', ?, 1, 1)`,
  );
  const vector = db.prepare(
    `INSERT INTO feature_vectors (id, query_id, computed_at, embedding, embedding_model, embedding_dim) VALUES (?, ?, ?, ?, ?, 2)`,
  );
  const rows: [string, number[], string, string][] = [
    ["1", [0, 0], "m", "2026-01-01T00:00:01.000Z"],
    ["3", [0, 2], "m", "2026-01-01T00:00:01.000Z"],
    ["2", [0, 1], "m", "2026-01-01T00:00:01.000Z"],
    ["4", [10, 0], "m", "2026-01-01T00:00:01.000Z"],
    ["5", [10, 1], "m", "2026-01-01T00:00:01.000Z"],
    ["6", [11, 0], "m", "2026-01-01T00:00:01.000Z"],
    ["7", [11, 1], "m", "2026-01-01T00:00:01.000Z"],
    ["8", [500, 500], "other", "2026-01-01T00:00:01.000Z"],
    ["9", [-500, 0], "m", "2026-02-01T00:00:00.000Z"],
  ];
  for (const [id, embedding, model, at] of rows) {
    query.run(`q${id}`, hash(id));
    vector.run(`v${id}`, `q${id}`, at, JSON.stringify(embedding), model);
  }
});

afterAll(async () => {
  await temp.close();
});

describe("computeQueryClusters", () => {
  it("clusters one model's vectors up to computed_at and stores sizes, centroids and representative hashes", () => {
    const saved = computeQueryClusters(temp.sqlite, { k: 2, embeddingModel: "m", seed: 1, computedAt: "2026-01-02T00:00:00.000Z" });
    expect(saved).not.toBeNull();
    const row = temp.sqlite.prepare("SELECT * FROM query_clusters WHERE id = ?").get(saved!.id) as Record<string, unknown>;
    expect(row).toMatchObject({
      computed_at: "2026-01-02T00:00:00.000Z",
      cluster_count: 2,
      cluster_sizes: "[4,3]", // largest first
      centroids: "[[10.5,0.5],[0,1]]",
      representative_hashes: JSON.stringify([hash("4"), hash("2")]),
      embedding_model: "m",
      sample_count: 7,
    });
    // Silhouette, bounded by hand: within a group no two points are more than 2 apart (X's diameter; Y's is √2),
    // and every X point is at least 10 from every Y point. So a(i) ≤ 2 and b(i) ≥ 10 for every point, and
    // s(i) = (b − a) / b = 1 − a/b ≥ 1 − 2/10 = 0.8.
    expect(row.silhouette_score as number).toBeGreaterThan(0.8);
    expect(row.silhouette_score as number).toBeLessThanOrEqual(1);
  });

  it("returns null and writes nothing when there are fewer vectors than clusters", () => {
    const before = temp.sqlite.prepare("SELECT COUNT(*) AS n FROM query_clusters").get();
    expect(computeQueryClusters(temp.sqlite, { k: 3, embeddingModel: "other", seed: 1 })).toBeNull();
    expect(temp.sqlite.prepare("SELECT COUNT(*) AS n FROM query_clusters").get()).toEqual(before);
  });
});
