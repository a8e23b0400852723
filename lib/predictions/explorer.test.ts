import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { insertQuery, insertRun } from "@/lib/test-support/rows";
import { explorerQuery, parseExplorerView } from "./explorer-params";
import { predictionsPage } from "./explorer-query";
import { insertLabelledPrediction } from "./test-rows";

describe("parseExplorerView", () => {
  it("reads every filter and round-trips through the query string", () => {
    const query = "run=r1&type=routing&status=wrong&minConfidence=0.2&maxConfidence=0.9&from=2026-01-01&to=2026-01-31&page=3";
    const { view, issues } = parseExplorerView(new URLSearchParams(query));
    expect(issues).toEqual([]);
    expect(view).toEqual({ run: "r1", type: "routing", status: "wrong", minConfidence: 0.2, maxConfidence: 0.9, from: "2026-01-01", to: "2026-01-31", page: 3 });
    expect(explorerQuery(view)).toBe(`?${query}`);
    expect(explorerQuery(view, { page: 1 })).not.toContain("page=");
  });

  it("drops each malformed parameter with a message naming it", () => {
    const { view, issues } = parseExplorerView({ type: "regression", status: "maybe", minConfidence: "2", from: "yesterday", page: "0" });
    expect(view).toMatchObject({ type: null, status: null, minConfidence: null, from: null, page: 1 });
    expect(issues).toHaveLength(5);
    expect(issues.join(" ")).toMatch(/regression.*maybe.*Minimum confidence "2".*From "yesterday".*Page "0"/);
  });

  it("refuses an empty confidence range and dates in the wrong order", () => {
    const { view, issues } = parseExplorerView({ minConfidence: "0.8", maxConfidence: "0.2", from: "2026-02-01", to: "2026-01-01" });
    expect(view).toMatchObject({ minConfidence: null, maxConfidence: null, from: null, to: null });
    expect(issues).toHaveLength(2);
  });
});

describe("predictionsPage", () => {
  let temp: TempDatabase;
  beforeEach(() => {
    temp = createTempDatabase();
  });
  afterEach(async () => {
    await temp.close();
  });

  it("filters by version, status, confidence and day, newest first, with the total", async () => {
    const run = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.0.0" });
    const other = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.1.0" });
    const add = (run_id: string, actual: string | null, confidence: number | null, at: string) =>
      insertLabelledPrediction(temp.sqlite, { run_id, query_id: insertQuery(temp.sqlite, { timestamp: at }), predicted: "x", actual, confidence, predicted_at: at });
    const right = add(run, "x", 0.9, "2026-01-02T10:00:00.000Z");
    const wrong = add(run, "y", 0.4, "2026-01-03T23:59:59.999Z");
    add(run, null, 0.6, "2026-01-04T00:00:00.000Z");
    add(other, "y", 0.5, "2026-01-03T00:00:00.000Z");
    const view = parseExplorerView({}).view;
    const ids = async (changes: Partial<typeof view>) => (await predictionsPage({ ...view, ...changes }, temp.prisma())).rows.map((row) => row.id);

    expect((await predictionsPage(view, temp.prisma())).total).toBe(4);
    expect(await ids({ run, status: "labelled" })).toEqual([wrong, right]);
    expect(await ids({ run, status: "wrong" })).toEqual([wrong]);
    expect(await ids({ run, minConfidence: 0.85 })).toEqual([right]);
    expect(await ids({ run, from: "2026-01-03", to: "2026-01-03" })).toEqual([wrong]);
    const page = await predictionsPage({ ...view, run, status: "unlabelled" }, temp.prisma());
    expect(page.rows[0]).toMatchObject({ predicted: "x", actual: null, correct: null, confidence: 0.6, modelVersion: "1.0.0" });
  });
});
