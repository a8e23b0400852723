import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqlite } from "@/lib/db/sqlite";
import { insertRow } from "@/lib/db/test-fixtures/valid-rows";
import { Rng } from "@/lib/random";
import { insertQuery } from "@/lib/test-support/rows";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { buildEmbeddingIndex, nearestNeighbours } from "./embedding-index";
import { fillEmbeddingDoubles } from "./embedding-doubles";
import { EmbeddingIndexCache } from "./embedding-index-cache";
import { insertFeatureVector } from "./test-rows";

describe("nearestNeighbours", () => {
  const rows = [
    { id: "a", queryId: "qa", embedding: [1, 0] },
    { id: "b", queryId: "qb", embedding: [3, 4] }, // cos to (1,1)/√2: (3 + 4)/(5√2) = 0.98995
    { id: "c", queryId: "qc", embedding: [0, 2] }, // cos: 2/(2√2) = 0.70711
    { id: "d", queryId: "qd", embedding: [-1, -1] }, // cos: −1
    { id: "b2", queryId: "qb", embedding: [4, 3] }, // the same query again: cos 0.98995 too, but qb is already listed
  ];
  const index = buildEmbeddingIndex("m", rows);

  it("ranks by cosine similarity, whatever each vector's length", () => {
    const found = nearestNeighbours(index, [1, 1], 3);
    expect(found.map((n) => index.ids[n.row])).toEqual(["b", "a", "c"]);
    expect(found[0]!.similarity).toBeCloseTo(7 / (5 * Math.SQRT2), 6);
    expect(found[1]!.similarity).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it("lists each query once and leaves out the excluded ones", () => {
    const found = nearestNeighbours(index, [1, 1], 4, new Set(["qa"]));
    expect(found.map((n) => index.queryIds[n.row])).toEqual(["qb", "qc", "qd"]);
  });

  it("refuses a probe of another dimension", () => {
    expect(() => nearestNeighbours(index, [1, 2, 3], 1)).toThrow(/2/);
  });
});

describe("EmbeddingIndexCache", () => {
  let temp: TempDatabase;
  beforeEach(() => {
    temp = createTempDatabase();
  });
  afterEach(() => temp.close());

  it("sees vectors another connection inserts after the first search, and only of its own model", () => {
    const q = insertQuery(temp.sqlite, { timestamp: "2026-01-01T00:00:00.000Z" });
    insertFeatureVector(temp.sqlite, { id: "one", query_id: q, embedding: [1, 0] });
    insertFeatureVector(temp.sqlite, { id: "other", query_id: q, embedding: [1, 0, 0], embedding_model: "other" });
    const reader = openSqlite(temp.url);
    try {
      const cache = new EmbeddingIndexCache(reader);
      expect(cache.get("test-model").ids).toEqual(["one"]);
      expect(cache.get("test-model")).toBe(cache.get("test-model"));
      insertFeatureVector(temp.sqlite, { id: "two", query_id: q, embedding: [0, 1] });
      expect(cache.get("test-model").ids).toEqual(["one", "two"]);
      expect(cache.get("other").dim).toBe(3);
    } finally {
      reader.close();
    }
  });

  it("builds, page by page through the WebAssembly reader, exactly the index JSON.parse of each row gives", () => {
    const rng = new Rng("index-pages");
    const q = insertQuery(temp.sqlite, { timestamp: "2026-01-01T00:00:00.000Z" });
    const texts: string[] = [];
    temp.sqlite.transaction(() => {
      for (let i = 0; i < 2_500; i++) {
        // Short decimals, full-precision doubles, exponents, -0 and (rarely) spacing the kernel hands back to JavaScript.
        const values = Array.from({ length: 24 }, (_, j) => (j === 0 && i % 97 === 0 ? -0 : i % 3 === 0 ? rng.normal() : i % 3 === 1 ? Math.round(rng.normal() * 1e5) / 1e5 : rng.normal() * 1e-9));
        const text = i % 250 === 0 ? `[ ${values.join(", ")} ]` : JSON.stringify(values);
        texts.push(text);
        insertRow(temp.sqlite, "feature_vectors", { id: `v-${i}`, query_id: q, computed_at: "2026-01-01T00:00:00.000Z", embedding: text, embedding_model: "paged", embedding_dim: 24, features: null, feature_version: null });
      }
    })();
    const expected = buildEmbeddingIndex("paged", texts.map((text, i) => ({ id: `v-${i}`, queryId: q, embedding: JSON.parse(text) as number[] })));
    const vectorBytes = (index: typeof expected) => Buffer.from(index.vectors.buffer, index.vectors.byteOffset, index.vectors.byteLength);
    // Parsed from the JSON; then from the float64 copies; then with the first page's copies gone (pages of 2,000).
    const states = [() => {}, () => fillEmbeddingDoubles(temp.sqlite), () => temp.sqlite.prepare("DELETE FROM embedding_doubles WHERE rowid % 10 = 0 AND feature_vector_id < 'v-2'").run()];
    for (const [state, change] of states.entries()) {
      change();
      const built = new EmbeddingIndexCache(temp.sqlite).get("paged");
      expect(built.ids, `state ${state}`).toEqual(expected.ids);
      expect(built.size).toBe(2_500);
      expect(vectorBytes(built).equals(vectorBytes(expected)), `state ${state}`).toBe(true);
    }
    expect(temp.sqlite.prepare("SELECT COUNT(*) FROM embedding_doubles").pluck().get()).toBeLessThan(2_500);
  });
});
