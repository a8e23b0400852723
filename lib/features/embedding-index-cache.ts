import type Database from "better-sqlite3";
import { buildEmbeddingIndex, type EmbeddingIndex, type IndexRow } from "./embedding-index";

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
    const rows = this.sqlite
      .prepare("SELECT id, query_id AS queryId, embedding FROM feature_vectors WHERE embedding_model = ? ORDER BY rowid")
      .iterate(model) as IterableIterator<{ id: string; queryId: string; embedding: string }>;
    function* parsed(): Generator<IndexRow> {
      for (const row of rows) yield { id: row.id, queryId: row.queryId, embedding: JSON.parse(row.embedding) as number[] };
    }
    return { index: buildEmbeddingIndex(model, parsed(), size), fingerprint };
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
