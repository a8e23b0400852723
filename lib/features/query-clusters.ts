import type Database from "better-sqlite3";
import { Rng, round } from "@/lib/random";
import { isoNow } from "@/lib/time";
import { kmeans, nearestRowToEachCentroid } from "./kmeans";
import type { Matrix } from "./matrix";
import { silhouetteScore } from "./silhouette";

/**
 * Clusters the stored query embeddings of one embedding model with k-means and records the result as a
 * query_clusters row. Used by the seeder and usable from a job or an API route (no "server-only": it also runs
 * from the CLI).
 *
 * Memory is bounded: at most `maxSamples` vectors (default 20,000; a seeded uniform sample when there are more)
 * are loaded, as one Float64Array (20,000 × 384 × 8 bytes ≈ 61 MB). sample_count records how many were clustered.
 */

export type QueryClusteringOptions = {
  k: number;
  embeddingModel: string;
  /** Seed for k-means++ and the samples, so a clustering can be reproduced. */
  seed: string | number;
  /** Defaults to now. Only vectors computed at or before this instant are clustered. */
  computedAt?: string;
  maxSamples?: number;
  /** Silhouette is exact up to this many rows, estimated on a seeded sample of this many above (default 2,000). */
  silhouetteSampleSize?: number;
  maxIterations?: number;
  /** k-means++ starts; the lowest-inertia clustering is kept (default 3). */
  restarts?: number;
};

export type QueryClustering = {
  computedAt: string;
  clusterCount: number;
  silhouetteScore: number;
  /** One centroid per cluster, components rounded to 5 decimals; clusters are ordered by size, largest first. */
  centroids: number[][];
  clusterSizes: number[];
  /** query_hash of the clustered query nearest each centroid. */
  representativeHashes: string[];
  embeddingModel: string;
  sampleCount: number;
};

type LoadedVectors = { matrix: Matrix; hashes: string[] };

function loadVectors(db: Database.Database, model: string, upTo: string, maxSamples: number, rng: Rng): LoadedVectors {
  const rowids = db
    .prepare("SELECT rowid FROM feature_vectors WHERE embedding_model = ? AND computed_at <= ? ORDER BY rowid")
    .pluck()
    .all(model, upTo) as number[];
  const chosen = rowids.length > maxSamples ? rng.sampleIndices(rowids.length, maxSamples).map((i) => rowids[i] as number) : rowids;
  const read = db.prepare(
    `SELECT fv.embedding AS embedding, q.query_hash AS hash
     FROM feature_vectors fv JOIN queries q ON q.id = fv.query_id WHERE fv.rowid = ?`,
  );
  let data = new Float64Array(0);
  let dim = 0;
  const hashes: string[] = [];
  for (const rowid of chosen) {
    const row = read.get(rowid) as { embedding: string; hash: string } | undefined;
    if (!row) continue;
    const embedding = JSON.parse(row.embedding) as number[];
    if (dim === 0) {
      dim = embedding.length;
      data = new Float64Array(chosen.length * dim);
    } else if (embedding.length !== dim) {
      throw new RangeError(`Embeddings of model ${model} have mixed dimensions (${dim} and ${embedding.length}).`);
    }
    data.set(embedding, hashes.length * dim);
    hashes.push(row.hash);
  }
  return { matrix: { data: data.subarray(0, hashes.length * dim), rows: hashes.length, dim }, hashes };
}

/** Runs the clustering; null when there are fewer vectors than clusters. Writes nothing. */
export function clusterQueryEmbeddings(db: Database.Database, options: QueryClusteringOptions): QueryClustering | null {
  const computedAt = options.computedAt ?? isoNow();
  const rng = new Rng(`query-clusters/${options.seed}`);
  const { matrix, hashes } = loadVectors(db, options.embeddingModel, computedAt, options.maxSamples ?? 20_000, rng.fork("sample"));
  if (matrix.rows < options.k) return null;

  const result = kmeans(matrix, options.k, {
    rng: rng.fork("kmeans"),
    maxIterations: options.maxIterations ?? 100,
    restarts: options.restarts ?? 3,
  });
  const silhouette = silhouetteScore(matrix, result.assignments, options.k, {
    sampleSize: options.silhouetteSampleSize ?? 2000,
    rng: rng.fork("silhouette"),
  });
  const representatives = nearestRowToEachCentroid(matrix, result);
  const order = Array.from({ length: options.k }, (_, c) => c).sort(
    (a, b) => (result.sizes[b] as number) - (result.sizes[a] as number) || a - b,
  );
  return {
    computedAt,
    clusterCount: options.k,
    silhouetteScore: round(silhouette.score, 6),
    centroids: order.map((c) => Array.from(result.centroids.subarray(c * matrix.dim, (c + 1) * matrix.dim), (x) => round(x, 5))),
    clusterSizes: order.map((c) => result.sizes[c] as number),
    representativeHashes: order.map((c) => hashes[representatives[c] as number] ?? ""),
    embeddingModel: options.embeddingModel,
    sampleCount: matrix.rows,
  };
}

/** Inserts a clustering; returns the new row's id. */
export function saveQueryClustering(db: Database.Database, clustering: QueryClustering): number {
  const info = db
    .prepare(
      `INSERT INTO query_clusters (computed_at, cluster_count, silhouette_score, centroids, cluster_sizes,
         representative_hashes, embedding_model, sample_count)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      clustering.computedAt,
      clustering.clusterCount,
      clustering.silhouetteScore,
      JSON.stringify(clustering.centroids),
      JSON.stringify(clustering.clusterSizes),
      JSON.stringify(clustering.representativeHashes),
      clustering.embeddingModel,
      clustering.sampleCount,
    );
  return Number(info.lastInsertRowid);
}

/** Clusters and saves in one step; null (and nothing written) when there are fewer vectors than clusters. */
export function computeQueryClusters(
  db: Database.Database,
  options: QueryClusteringOptions,
): { id: number; clustering: QueryClustering } | null {
  const clustering = clusterQueryEmbeddings(db, options);
  if (!clustering) return null;
  return { id: saveQueryClustering(db, clustering), clustering };
}
