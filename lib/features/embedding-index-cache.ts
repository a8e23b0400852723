import type Database from "better-sqlite3";
import { copiesOfPageSql, pageCopies, type CopiesRow } from "./embedding-doubles";
import { buildEmbeddingIndex, type EmbeddingIndex, type IndexRow } from "./embedding-index";
import { DoubleSink } from "./parquet/json-doubles";
import { sharedJsonDoublesKernel } from "./parquet/wasm-doubles";

const PAGE_ROWS = 2_000;
const PAGE_FILTER = "embedding_model = @model AND rowid > @after ORDER BY rowid LIMIT @limit";

/**
 * A model's vectors in rowid order, read a page at a time: the ids and byte lengths, then the page's float64
 * copies (embedding_doubles) as one blob, or where a vector of the page has none, its embeddings' JSON as one
 * blob parsed by the WebAssembly kernel (the doubles JSON.parse gives, bit for bit). Measured at 200K × 384,
 * JSON.parse of each row's text was most of the index build.
 */
function* modelRows(sqlite: Database.Database, model: string): Generator<IndexRow> {
  const rows = sqlite.prepare(`SELECT rowid, id, query_id FROM feature_vectors WHERE ${PAGE_FILTER}`).raw(true);
  const copies = sqlite.prepare(copiesOfPageSql(`SELECT id FROM feature_vectors WHERE ${PAGE_FILTER}`, "id")).raw(true);
  const lengths = sqlite.prepare(`SELECT length(CAST(embedding AS BLOB)) FROM feature_vectors WHERE ${PAGE_FILTER}`).pluck(true);
  const blobs = sqlite.prepare(`SELECT CAST(group_concat(embedding, '') AS BLOB) FROM (SELECT embedding FROM feature_vectors WHERE ${PAGE_FILTER})`).pluck(true);
  const kernel = sharedJsonDoublesKernel();
  // One page in one read transaction, so its statements see the same rows.
  const readPage = sqlite.transaction((params: Record<string, unknown>) => {
    const page = rows.all(params) as [number, string, string][];
    if (page.length === 0) return { page, values: new Float64Array(0), counts: new Int32Array(0) };
    const copied = pageCopies(copies.get(params) as CopiesRow, page.length);
    if (copied) {
      const values = new Float64Array(copied.bytes.byteLength / 8);
      new Uint8Array(values.buffer).set(copied.bytes);
      return { page, values, counts: copied.counts };
    }
    const blob = (blobs.get(params) as Buffer | null) ?? Buffer.alloc(0);
    const doubles = new DoubleSink(Math.max(1024, blob.length >> 1));
    const counts = new Int32Array(page.length);
    kernel.readJsonDoubleArrays(blob, lengths.all(params) as number[], doubles, counts);
    return { page, values: doubles.values, counts };
  });
  let after = 0;
  for (;;) {
    const { page, values, counts } = readPage({ model, after, limit: PAGE_ROWS });
    if (page.length === 0) return;
    let offset = 0;
    for (let i = 0; i < page.length; i++) {
      const [, id, queryId] = page[i]!;
      yield { id, queryId, embedding: values.subarray(offset, offset + counts[i]!) };
      offset += counts[i]!;
    }
    if (page.length < PAGE_ROWS) return;
    after = page[page.length - 1]![0];
  }
}

type Entry = { index: EmbeddingIndex; fingerprint: string };

/**
 * Keeps one EmbeddingIndex per embedding model, built on first search and rebuilt when the model's vectors
 * change. Staleness is checked in two steps so that a search costs no scan:
 *  1. `PRAGMA data_version` changes whenever another connection commits (SQLite docs), so while it is unchanged
 *     nothing can have changed and the index is used as it is;
 *  2. when it has changed, the model's fingerprint (count and max rowid of its feature vectors, from the
 *     embedding_model index) decides whether to rebuild.
 * Feature vectors are written once (a recomputed vector is a new row), so an insert or delete always changes
 * the fingerprint; an UPDATE of a stored embedding in place would not, and is not something the app does.
 */
export class EmbeddingIndexCache {
  private readonly entries = new Map<string, Entry>();
  private dataVersion: number | null = null;
  private readonly verified = new Set<string>();

  constructor(private readonly sqlite: Database.Database) {}

  private fingerprint(model: string): string {
    const row = this.sqlite
      .prepare("SELECT COUNT(*) AS n, MAX(rowid) AS last FROM feature_vectors WHERE embedding_model = ?")
      .get(model) as { n: number; last: number | null };
    return `${row.n}:${row.last ?? 0}`;
  }

  private build(model: string, fingerprint: string): Entry {
    const size = Number(fingerprint.split(":")[0]);
    // All pages in one read transaction, so the index is of one database state.
    const read = this.sqlite.transaction(() => buildEmbeddingIndex(model, modelRows(this.sqlite, model), size));
    return { index: read(), fingerprint };
  }

  /** The up-to-date index of a model (empty when it has no vectors). */
  get(model: string): EmbeddingIndex {
    const version = this.sqlite.pragma("data_version", { simple: true }) as number;
    if (version !== this.dataVersion) {
      this.dataVersion = version;
      this.verified.clear();
    }
    const cached = this.entries.get(model);
    if (cached && this.verified.has(model)) return cached.index;
    const fingerprint = this.fingerprint(model);
    const entry = cached && cached.fingerprint === fingerprint ? cached : this.build(model, fingerprint);
    this.entries.set(model, entry);
    this.verified.add(model);
    return entry.index;
  }
}
