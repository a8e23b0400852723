import { afterEach, describe, expect, it } from "vitest";
import { migrate, readMigrationFiles } from "@/lib/db/migrator";
import { Rng } from "@/lib/random";
import { seedDatabase } from "@/lib/seed/seed";
import { TEST_ANCHOR, TEST_KEY } from "@/lib/seed/test-helpers";
import { insertQuery } from "@/lib/test-support/rows";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { embeddingDoubles, fillEmbeddingDoubles } from "./embedding-doubles";
import { insertFeatureVector } from "./test-rows";

// embedding_doubles (migration 20261128110000) holds each embedding as packed float64 for the Parquet export;
// export.test.ts checks that the export's bytes do not depend on which vectors have their copy.

let temp: TempDatabase | undefined;
afterEach(async () => {
  await temp?.close();
  temp = undefined;
});

type Db = TempDatabase["sqlite"];
const copyOf = (db: Db, id: string) => db.prepare("SELECT doubles FROM embedding_doubles WHERE feature_vector_id = ?").pluck().get(id) as Buffer | undefined;
const asDoubles = (bytes: Uint8Array) => Array.from(new Float64Array(new Uint8Array(bytes).buffer));
const bitsOf = (values: number[]) => Buffer.from(new Float64Array(values).buffer).toString("hex");

describe("embeddingDoubles", () => {
  it("gives JSON.parse's values bit for bit, as little-endian float64", () => {
    const rng = new Rng("embedding-doubles/parse");
    const texts = [
      "[0.1,-0.25,1e-5,0,-0,3]",
      "[ 1.7976931348623157e308 , 5e-324 , 9007199254740993 , 0.9007199254740993 ]",
      "[123456789012345678901234567890, 1E+22, 1e23, -2.2250738585072014e-308]",
      "[]",
      ...Array.from({ length: 200 }, () => JSON.stringify(Array.from({ length: 16 }, () => rng.normal() * 10 ** rng.int(-30, 30)))),
    ];
    for (const text of texts) {
      const parsed = JSON.parse(text) as number[];
      expect(bitsOf(asDoubles(embeddingDoubles(text))), text).toBe(bitsOf(parsed));
    }
    expect(Buffer.from(embeddingDoubles("[1.5,-2]")).toString("hex")).toBe("000000000000f83f00000000000000c0");
  });

  it("reads an element that is not a number as NaN", () => {
    expect(asDoubles(embeddingDoubles('[1,"x",null,2]'))).toEqual([1, NaN, NaN, 2]);
  });
});

describe("embedding_doubles", () => {
  it("holds a copy of every vector the seed writes, equal to its embedding", () => {
    temp = createTempDatabase();
    seedDatabase(temp.sqlite, { size: "small", seed: 3, anchor: TEST_ANCHOR, key: TEST_KEY });
    const vectors = temp.sqlite.prepare("SELECT fv.id, fv.embedding, d.doubles FROM feature_vectors fv LEFT JOIN embedding_doubles d ON d.feature_vector_id = fv.id").all() as { id: string; embedding: string; doubles: Buffer | null }[];
    expect(vectors.length).toBeGreaterThan(100);
    for (const { id, embedding, doubles } of vectors) expect(doubles && bitsOf(asDoubles(doubles)), id).toBe(bitsOf(JSON.parse(embedding) as number[]));
  });

  it("drops a copy when its embedding changes, keeps it on other changes, and deletes it with its vector", () => {
    temp = createTempDatabase();
    const db = temp.sqlite;
    const query = insertQuery(db, { timestamp: "2026-01-01T00:00:00.000Z" });
    const a = insertFeatureVector(db, { query_id: query, embedding: [1, 2] });
    const b = insertFeatureVector(db, { query_id: query, embedding: [3, 4] });
    expect(fillEmbeddingDoubles(db)).toBe(2);
    db.prepare("UPDATE feature_vectors SET feature_version = 'fv-9', embedding = embedding WHERE id = ?").run(a);
    expect(copyOf(db, a)).toBeDefined();
    db.prepare("UPDATE feature_vectors SET embedding = '[5,6]' WHERE id = ?").run(a);
    expect(copyOf(db, a)).toBeUndefined();
    db.prepare("DELETE FROM feature_vectors WHERE id = ?").run(b);
    expect(copyOf(db, b)).toBeUndefined();
    expect(db.prepare("SELECT COUNT(*) FROM embedding_doubles").pluck().get()).toBe(0);
    expect(fillEmbeddingDoubles(db)).toBe(1);
    expect(asDoubles(copyOf(db, a)!)).toEqual([5, 6]);
  });

  it("refuses a copy whose length is not a whole number of doubles, or one for no vector", () => {
    temp = createTempDatabase();
    const db = temp.sqlite;
    const id = insertFeatureVector(db, { query_id: insertQuery(db, { timestamp: "2026-01-01T00:00:00.000Z" }), embedding: [1] });
    const insert = db.prepare("INSERT INTO embedding_doubles (feature_vector_id, doubles) VALUES (?, ?)");
    expect(() => insert.run(id, Buffer.alloc(7))).toThrow(/CHECK constraint failed/);
    expect(() => insert.run(id, "12345678")).toThrow(/CHECK constraint failed/);
    expect(() => insert.run("no-such-vector", Buffer.alloc(8))).toThrow(/FOREIGN KEY constraint failed/);
  });

  it("is filled for vectors stored before the migration, in batches, and only where missing", () => {
    temp = createTempDatabase({ migrated: false });
    const db = temp.sqlite;
    const files = readMigrationFiles();
    const at = files.findIndex((file) => file.name === "20261128110000_embedding_doubles");
    expect(at).toBeGreaterThan(0);
    migrate(db, files.slice(0, at));
    const query = insertQuery(db, { timestamp: "2026-01-01T00:00:00.000Z" });
    for (let i = 0; i < 25; i++) insertFeatureVector(db, { id: `fv-${String(i).padStart(2, "0")}`, query_id: query, embedding: [i, i / 3] });
    migrate(db, files);
    expect(db.prepare("SELECT COUNT(*) FROM embedding_doubles").pluck().get()).toBe(0);
    expect(fillEmbeddingDoubles(db, 4)).toBe(25);
    expect(fillEmbeddingDoubles(db, 4)).toBe(0);
    expect(asDoubles(copyOf(db, "fv-07")!)).toEqual([7, 7 / 3]);
  });
});
