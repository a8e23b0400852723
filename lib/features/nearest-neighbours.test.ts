import { describe, expect, it } from "vitest";
import { Rng } from "@/lib/random";
import { buildEmbeddingIndex, dotRow, nearestNeighbours, unitProbe, type EmbeddingIndex, type IndexRow } from "./embedding-index";
import { Int8DotKernel, int8DotsReference } from "./int8-dot-kernel";
import { quantiseQuery } from "./quantised-vectors";

/** Brute force: every row scored exactly, sorted by similarity then row, each query once. */
function bruteForce(index: EmbeddingIndex, probe: number[], k: number, exclude = new Set<string>()) {
  const q = unitProbe(index, probe);
  const all = Array.from({ length: index.size }, (_, row) => ({ row, similarity: dotRow(index.vectors, row, q, index.dim) }));
  all.sort((a, b) => b.similarity - a.similarity || a.row - b.row);
  const seen = new Set(exclude);
  return all.filter(({ row }) => !seen.has(index.queryIds[row]!) && seen.add(index.queryIds[row]!)).slice(0, k);
}

describe("Int8DotKernel (WebAssembly SIMD)", () => {
  it.each([1, 5, 16, 37, 384])("gives the same integer dot products as plain JavaScript at %i dimensions", (dim) => {
    const rng = new Rng(`kernel-${dim}`);
    const kernel = new Int8DotKernel(53, dim);
    for (let i = 0; i < 53; i++) for (let j = 0; j < dim; j++) kernel.rows[i * kernel.stride + j] = rng.int(-127, 127);
    for (let j = 0; j < dim; j++) kernel.query[j] = rng.int(-32_767, 32_767) >> (dim > 100 ? 6 : 0);
    const expected = int8DotsReference(kernel);
    expect(Array.from(kernel.run())).toEqual(Array.from(expected));
    // The first row by hand: the kernel reads the rows where the layout says.
    let first = 0;
    for (let j = 0; j < dim; j++) first += kernel.rows[j]! * kernel.query[j]!;
    expect(kernel.dots[0]).toBe(first);
  });
});

describe("nearestNeighbours equals brute force exactly", () => {
  function clustered(seed: string, size: number, dim: number, queries = size): IndexRow[] {
    const rng = new Rng(seed);
    const centres = Array.from({ length: 6 }, () => Array.from({ length: dim }, () => rng.normal(0, 1)));
    return Array.from({ length: size }, (_, i) => {
      const centre = centres[rng.int(0, centres.length - 1)]!;
      return { id: `v${i}`, queryId: `q${i % queries}`, embedding: centre.map((x) => x + rng.normal(0, 0.5)) };
    });
  }

  it("on clustered vectors, for many probes, k and exclusions, with the same similarities", () => {
    const index = buildEmbeddingIndex("m", clustered("clustered", 3_000, 48, 2_200));
    const rng = new Rng("probes");
    for (let p = 0; p < 25; p++) {
      const probe = Array.from({ length: 48 }, () => rng.normal(0, 1));
      const k = [1, 5, 10, 50][p % 4]!;
      const exclude = new Set([`q${p}`, `q${p * 7}`]);
      expect(nearestNeighbours(index, probe, k, exclude)).toEqual(bruteForce(index, probe, k, exclude));
    }
  });

  it("on near-ties that the int8 scores put in another order", () => {
    // 2,000 copies of one direction, each nudged by ~1e-4: the int8 rounding (~1e-2 per row) is a hundred times
    // larger than the differences, so the approximate order is scrambled and only the re-rank can get it right.
    const rng = new Rng("near-ties");
    const base = Array.from({ length: 64 }, () => rng.normal(0, 1));
    const rows = Array.from({ length: 2_000 }, (_, i) => ({ id: `v${i}`, queryId: `q${i}`, embedding: base.map((x) => x + rng.normal(0, 1e-4)) }));
    const index = buildEmbeddingIndex("m", rows);
    const probe = base.map((x) => x + rng.normal(0, 1e-3));

    const kernel = index.quantised.kernel;
    const query = quantiseQuery(unitProbe(index, probe), kernel);
    const dots = kernel.run();
    const approximateTop = Array.from({ length: index.size }, (_, row) => row)
      .sort((a, b) => index.quantised.scales[b]! * query.scale * dots[b]! - index.quantised.scales[a]! * query.scale * dots[a]!)
      .slice(0, 10);
    const exact = bruteForce(index, probe, 10);
    expect(approximateTop).not.toEqual(exact.map((n) => n.row));
    expect(nearestNeighbours(index, probe, 10)).toEqual(exact);
  });

  it("on exact duplicates (ties by row order) and a query owning many of the best rows", () => {
    const rows: IndexRow[] = [];
    // q-many owns 300 near-identical best rows, more than the first step's pool; the rest tie in pairs.
    for (let i = 0; i < 300; i++) rows.push({ id: `m${i}`, queryId: "q-many", embedding: [1, 0.001 * (i % 7), 0] });
    for (let i = 0; i < 100; i++) {
      const embedding = [0.5, (i % 10) / 10, 0.2];
      rows.push({ id: `a${i}`, queryId: `qa${i}`, embedding }, { id: `b${i}`, queryId: `qb${i}`, embedding: embedding.map((x) => x * 3) });
    }
    const index = buildEmbeddingIndex("m", rows);
    const found = nearestNeighbours(index, [1, 0, 0], 12);
    expect(found).toEqual(bruteForce(index, [1, 0, 0], 12));
    expect(found).toHaveLength(12);
    expect(index.queryIds[found[0]!.row]).toBe("q-many");
    // A tie keeps row order: qa_i (earlier row) before qb_i.
    expect(index.queryIds[found[1]!.row]).toBe("qa0");
    expect(index.queryIds[found[2]!.row]).toBe("qb0");
  });

  it("when fewer than k queries remain, returns all of them, and handles a zero probe", () => {
    const index = buildEmbeddingIndex("m", clustered("few", 40, 20, 8));
    expect(nearestNeighbours(index, Array(20).fill(1), 10, new Set(["q0"]))).toEqual(bruteForce(index, Array(20).fill(1), 10, new Set(["q0"])));
    expect(nearestNeighbours(index, Array(20).fill(1), 10, new Set(["q0"]))).toHaveLength(7);
    expect(nearestNeighbours(index, Array(20).fill(0), 3)).toEqual(bruteForce(index, Array(20).fill(0), 3));
    expect(nearestNeighbours(buildEmbeddingIndex("m", []), [], 3)).toEqual([]);
  });
});
