import { Rng } from "@/lib/random";
import { EMBEDDING_DIM } from "./catalog";
import { TOPICS } from "./topics";

/**
 * Synthetic sentence embeddings with real structure. Each topic has a random unit centroid in 384 dimensions
 * (random high-dimensional directions are nearly orthogonal), each template of a topic a sub-direction, and each
 * text its own noise:
 *   v = normalise(centroid[topic] + 0.5 · direction[topic, template] + noise),  noise ~ N(0, 0.045²) per component
 * so the noise has about the centroid's length, the clusters overlap a little, and k-means with k = 8 recovers
 * the topics with a modest silhouette, like real MiniLM embeddings. The noise is seeded by the normalised text,
 * so the same query always gets the same vector.
 */
const TEMPLATE_WEIGHT = 0.5;
const NOISE_SD = 0.045;

function randomUnitVector(rng: Rng, dim: number): Float64Array {
  const v = new Float64Array(dim);
  let norm = 0;
  for (let j = 0; j < dim; j++) {
    const x = rng.normal();
    v[j] = x;
    norm += x * x;
  }
  norm = Math.sqrt(norm);
  for (let j = 0; j < dim; j++) v[j] = (v[j] as number) / norm;
  return v;
}

export class EmbeddingSpace {
  private readonly seed: string;
  private readonly centroids: Float64Array[];
  private readonly directions: Map<string, Float64Array> = new Map();
  private readonly directionRng: Rng;

  constructor(rng: Rng) {
    this.seed = rng.seed;
    const centroidRng = rng.fork("centroids");
    this.centroids = TOPICS.map(() => randomUnitVector(centroidRng, EMBEDDING_DIM));
    this.directionRng = rng.fork("directions");
  }

  private direction(topic: number, template: string): Float64Array {
    const key = `${topic}/${template}`;
    let direction = this.directions.get(key);
    if (!direction) {
      direction = randomUnitVector(new Rng(`${this.directionRng.seed}/${key}`), EMBEDDING_DIM);
      this.directions.set(key, direction);
    }
    return direction;
  }

  /** The embedding of a normalised text of `topic` built from `template`, as a JSON array with 4 decimals. */
  embedJson(topic: number, template: string, normalizedText: string): string {
    const centroid = this.centroids[topic] as Float64Array;
    const direction = this.direction(topic, template);
    const noise = new Rng(`${this.seed}/text/${normalizedText}`);
    const v = new Float64Array(EMBEDDING_DIM);
    let norm = 0;
    for (let j = 0; j < EMBEDDING_DIM; j++) {
      const x = (centroid[j] as number) + TEMPLATE_WEIGHT * (direction[j] as number) + noise.normal(0, NOISE_SD);
      v[j] = x;
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    const parts = new Array<number>(EMBEDDING_DIM);
    for (let j = 0; j < EMBEDDING_DIM; j++) parts[j] = Math.round(((v[j] as number) / norm) * 1e4) / 1e4;
    return JSON.stringify(parts);
  }
}
