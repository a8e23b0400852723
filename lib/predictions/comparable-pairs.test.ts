import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { insertPrediction, insertQuery, insertRun } from "@/lib/test-support/rows";
import { comparablePairs } from "./comparable-pairs";

const DAY = "2026-01-02T00:00:00.000Z";
let temp: TempDatabase;
beforeEach(() => {
  temp = createTempDatabase();
});
afterEach(async () => {
  await temp.close();
});

describe("comparablePairs", () => {
  it("lists versions of one model type by the labelled queries both answered, older version first", async () => {
    // Inserted newest first, so the order comes from started_at, not from insertion.
    const v2 = insertRun(temp.sqlite, { model_type: "classifier", model_version: "2.0.0", started_at: "2026-03-01T00:00:00.000Z" });
    const v11 = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.1.0", started_at: "2026-02-01T00:00:00.000Z" });
    const v1 = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.0.0", started_at: "2026-01-01T00:00:00.000Z" });
    const routing = insertRun(temp.sqlite, { model_type: "routing", model_version: "1.0.0" });
    const answer = (run: string, query: string, isCorrect: 0 | 1 | null) => insertPrediction(temp.sqlite, { run_id: run, query_id: query, is_correct: isCorrect });

    // 1.0.0 and 1.1.0: three queries labelled for both, one labelled for 1.0.0 only.
    for (const [a, b] of [[1, 1], [0, 1], [1, 0], [1, null]] as const) {
      const query = insertQuery(temp.sqlite, { timestamp: DAY });
      answer(v1, query, a);
      answer(v11, query, b);
    }
    // 1.1.0 and 2.0.0: one shared labelled query, also answered by a routing version (another model type).
    const shared = insertQuery(temp.sqlite, { timestamp: DAY });
    answer(v11, shared, 1);
    answer(v2, shared, 0);
    answer(routing, shared, 1);
    // A version alone on its queries pairs with nobody.
    answer(v2, insertQuery(temp.sqlite, { timestamp: DAY }), 1);

    const pairs = await comparablePairs(temp.prisma());
    expect(pairs.map((pair) => [pair.modelType, pair.a.modelVersion, pair.b.modelVersion, pair.pairs])).toEqual([
      ["classifier", "1.0.0", "1.1.0", 3],
      ["classifier", "1.1.0", "2.0.0", 1],
    ]);
    expect(pairs[0]).toMatchObject({ a: { id: v1 }, b: { id: v11 } });
  });

  it("is empty when every query was answered by one version only", async () => {
    const a = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.0.0" });
    const b = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.1.0" });
    insertPrediction(temp.sqlite, { run_id: a, query_id: insertQuery(temp.sqlite, { timestamp: DAY }), is_correct: 1 });
    insertPrediction(temp.sqlite, { run_id: b, query_id: insertQuery(temp.sqlite, { timestamp: DAY }), is_correct: 1 });
    expect(await comparablePairs(temp.prisma())).toEqual([]);
  });
});
