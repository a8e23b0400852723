import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertPrediction, insertQuery } from "@/lib/test-support/rows";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { parseRunsView, type RunsView } from "./run-search-params";
import { runsPage } from "./runs-query";
import { compareSemver } from "./semver";
import { insertTestRuns, type TestRun } from "./runs-test-rows";

const day = (d: number, time = "08:00:00.000") => `2026-01-${String(d).padStart(2, "0")}T${time}Z`;

// Eight runs whose expected orders and filter results below are worked out by hand.
const RUNS: TestRun[] = [
  { id: "c1", model_version: "1.0.0", started_at: day(1), accuracy: 0.8, hyperparameters: { learning_rate: 0.001, optimizer: "adam", batch_size: 64 }, feature_set_version: "fv-1", notes: "baseline, fix-rate" },
  { id: "c2", model_version: "1.2.0", started_at: day(5), accuracy: 0.9, hyperparameters: { learning_rate: 0.003, optimizer: "sgd", batch_size: "64" }, feature_set_version: "fv-2" },
  { id: "c3", model_version: "1.10.0", started_at: day(9), accuracy: 0.92, hyperparameters: { learning_rate: 0.0005, optimizer: "adam", early_stopping: true }, notes: '100% fix_rate, "quoted"' },
  { id: "c4", model_version: "2.0.0-rc.1", started_at: day(9), completed_at: null, hyperparameters: {} },
  { id: "c5", model_version: "2.0.0", started_at: day(12), accuracy: 0.95, hyperparameters: { learning_rate: 0.001, early_stopping: false } },
  { id: "r1", model_type: "routing", model_version: "1.2.0", started_at: day(2), accuracy: 0.7, hyperparameters: { learning_rate: 0.001, optimizer: "adam" } },
  { id: "r2", model_type: "routing", model_version: "1.3.0", started_at: day(6), accuracy: 0.75, hyperparameters: { optimizer: "adamw", early_stopping: 1 } },
  { id: "o1", model_type: "optimization", model_version: "0.9.0", started_at: day(3), accuracy: 0.6, hyperparameters: { learning_rate: 0.01 } },
];

let temp: TempDatabase;
beforeAll(() => {
  temp = createTempDatabase();
  insertTestRuns(temp.sqlite, RUNS);
  // c1: 3 labelled live predictions, 2 correct, and 1 unlabelled → live accuracy 2/3 over 3 labelled.
  for (const isCorrect of [1, 1, 0, null] as const) {
    insertPrediction(temp.sqlite, { run_id: "c1", query_id: insertQuery(temp.sqlite, { timestamp: day(10) }), is_correct: isCorrect });
  }
  // r1: 1 labelled, correct → 1.
  insertPrediction(temp.sqlite, { run_id: "r1", query_id: insertQuery(temp.sqlite, { timestamp: day(10) }), is_correct: 1 });
});
afterAll(() => temp.close());

const view = (query: string): RunsView => {
  const parsed = parseRunsView(new URLSearchParams(query));
  expect(parsed.issues).toEqual([]);
  return parsed.view;
};
const ids = async (query: string) => (await runsPage(view(query), temp.prisma())).rows.map((row) => row.id);
const matching = async (query: string) => (await ids(`${query}&size=100`)).sort();

describe("runsPage sorting", () => {
  it("sorts newest first by default, equal start times broken by id (descending with the sort)", async () => {
    expect(await ids("")).toEqual(["c5", "c4", "c3", "r2", "c2", "o1", "r1", "c1"]);
  });

  it("keeps runs without a value last in either direction", async () => {
    expect(await ids("sort=accuracy&dir=desc")).toEqual(["c5", "c3", "c2", "c1", "r2", "r1", "o1", "c4"]);
    expect(await ids("sort=accuracy&dir=asc")).toEqual(["o1", "r1", "r2", "c1", "c2", "c3", "c5", "c4"]);
  });

  it("sorts versions by semver precedence, not text: 1.10.0 above 1.2.0, 2.0.0 above 2.0.0-rc.1", async () => {
    expect(await ids("sort=version&dir=desc&f=0:type:eq:classifier")).toEqual(["c5", "c4", "c3", "c2", "c1"]);
  });

  it("sorts by a hyperparameter, ties by id, runs without the key last", async () => {
    expect(await ids("sort=hp.learning_rate&dir=asc")).toEqual(["c3", "c1", "c5", "r1", "c2", "o1", "c4", "r2"]);
  });

  it("sorts by live accuracy over labelled predictions, runs without any last", async () => {
    const page = await runsPage(view("sort=live_accuracy&dir=desc"), temp.prisma());
    expect(page.rows.slice(0, 2).map((row) => [row.id, row.liveAccuracy, row.labelledPredictions])).toEqual([
      ["r1", 1, 1],
      ["c1", 2 / 3, 3],
    ]);
    expect(page.rows.slice(2).every((row) => row.liveAccuracy === null && row.labelledPredictions === 0)).toBe(true);
  });
});

describe("runsPage filters", () => {
  it("combines conditions of a group with AND", async () => {
    expect(await matching("f=0:type:eq:classifier&f=0:accuracy:gte:0.9")).toEqual(["c2", "c3", "c5"]);
  });

  it("combines groups with OR", async () => {
    expect(await matching("f=0:type:eq:routing&f=1:accuracy:gte:92%")).toEqual(["c3", "c5", "r1", "r2"]);
  });

  it("combines (A AND B) OR (C AND D)", async () => {
    expect(await matching("f=0:type:eq:classifier&f=0:hp.optimizer:eq:adam&f=1:type:eq:routing&f=1:accuracy:lt:0.72")).toEqual(["c1", "c3", "r1"]);
  });

  it("filters versions by semver range, including pre-releases by precedence", async () => {
    expect(await matching("f=0:version:range:>=1.2.0 <2.0.0")).toEqual(["c2", "c3", "c4", "r1", "r2"]);
    expect(await matching("f=0:version:range:1.x")).toEqual(["c1", "c2", "c3", "r1", "r2"]);
    expect(await matching("f=0:version:range:>=1.9.0")).toEqual(["c3", "c4", "c5"]);
    expect(await matching("f=0:version:range:>2.0.0-alpha <2.0.0")).toEqual(["c4"]);
    expect(await matching("f=0:version:eq:1.2.0")).toEqual(["c2", "r1"]);
    expect(await matching("f=0:version:contains:rc")).toEqual(["c4"]);
  });

  it("filters by hyperparameter value, keeping numbers, text and booleans apart", async () => {
    expect(await matching("f=0:hp.optimizer:eq:adam")).toEqual(["c1", "c3", "r1"]);
    expect(await matching("f=0:hp.batch_size:eq:64")).toEqual(["c1"]);
    expect(await matching('f=0:hp.batch_size:eq:"64"')).toEqual(["c2"]);
    expect(await matching("f=0:hp.early_stopping:eq:true")).toEqual(["c3"]);
    expect(await matching("f=0:hp.early_stopping:exists:")).toEqual(["c3", "c5", "r2"]);
    expect(await matching("f=0:hp.learning_rate:gt:0.001")).toEqual(["c2", "o1"]);
    // A text value never passes a numeric comparison (SQLite would rank text above every number).
    expect(await matching("f=0:hp.optimizer:gt:0")).toEqual([]);
  });

  it("counts runs without the value as different for ≠", async () => {
    expect(await matching("f=0:hp.learning_rate:neq:0.001")).toEqual(["c2", "c3", "c4", "o1", "r2"]);
    expect(await matching("f=0:feature_set:neq:fv-1")).toEqual(["c2", "c3", "c4", "c5", "o1", "r1", "r2"]);
  });

  it("filters dates by whole UTC days and running runs by a missing completion", async () => {
    expect(await matching("f=0:started:gte:2026-01-06&f=0:started:lte:2026-01-09")).toEqual(["c3", "c4", "r2"]);
    expect(await matching("f=0:completed:missing:")).toEqual(["c4"]);
  });

  it("searches version and notes as literal text, case-insensitively", async () => {
    expect(await matching("q=fix_rate")).toEqual(["c3"]);
    expect(await matching("q=100%25")).toEqual(["c3"]);
    expect(await matching("q=RC")).toEqual(["c4"]);
    expect(await matching("q=fix")).toEqual(["c1", "c3"]);
  });

  it("binds hostile text as data", async () => {
    expect(await matching("q=x'); DROP TABLE model_training_runs; --")).toEqual([]);
    expect(await ids("sort=hp.x') --&dir=asc")).toHaveLength(8);
    expect(await ids("size=100")).toHaveLength(8);
  });
});

describe("runsPage pagination and columns", () => {
  it("counts all matching runs and clamps a page past the end to the last page", async () => {
    const local = createTempDatabase();
    try {
      insertTestRuns(
        local.sqlite,
        Array.from({ length: 30 }, (_, i) => ({ id: `p${String(i).padStart(2, "0")}`, model_version: `1.0.${i}`, started_at: day(1 + (i % 28)) })),
      );
      const first = await runsPage(view("sort=version&dir=asc"), local.prisma());
      expect([first.rowCount, first.pageCount, first.page, first.rows.length]).toEqual([30, 2, 1, 25]);
      expect(first.rows[0]!.modelVersion).toBe("1.0.0");
      const second = await runsPage(view("sort=version&dir=asc&page=2"), local.prisma());
      expect(second.rows.map((row) => row.modelVersion)).toEqual(["1.0.25", "1.0.26", "1.0.27", "1.0.28", "1.0.29"]);
      const past = await runsPage(view("sort=version&dir=asc&page=9"), local.prisma());
      expect([past.page, past.rows.length]).toEqual([2, 5]);
    } finally {
      await local.close();
    }
  });

  it("pages a version sort across major versions exactly as a full semver sort would", async () => {
    const local = createTempDatabase();
    try {
      const versions = Array.from({ length: 40 }, (_, i) => `${1 + (i % 4)}.${i % 3}.${i}${i % 7 === 0 ? "-rc.1" : ""}`);
      insertTestRuns(local.sqlite, versions.map((version, i) => ({ id: `v${String(i).padStart(2, "0")}`, model_version: version })));
      const bySemver = [...versions].sort(compareSemver);
      for (const [dir, order] of [["desc", [...bySemver].reverse()], ["asc", bySemver]] as const) {
        const pages = [];
        for (const page of [1, 2]) pages.push(...(await runsPage(view(`sort=version&dir=${dir}&page=${page}`), local.prisma())).rows.map((row) => row.modelVersion));
        expect(pages, dir).toEqual(order);
      }
    } finally {
      await local.close();
    }
  });

  it("returns nothing, with a count of 0 and one page, when nothing matches", async () => {
    const page = await runsPage(view("f=0:accuracy:gt:0.99"), temp.prisma());
    expect(page).toEqual({ rows: [], rowCount: 0, pageCount: 1, page: 1 });
  });

  it("reads the picked hyperparameter columns with their JSON types", async () => {
    const page = await runsPage(view("hp=early_stopping&hp=optimizer&size=100"), temp.prisma());
    const byId = new Map(page.rows.map((row) => [row.id, row.hyperparameters]));
    expect(byId.get("c3")).toEqual({ early_stopping: true, optimizer: "adam" });
    expect(byId.get("r2")).toEqual({ early_stopping: 1, optimizer: "adamw" });
    expect(byId.get("o1")).toEqual({ early_stopping: null, optimizer: null });
  });

  it("maps a run's columns into the row DTO", async () => {
    const [c4] = (await runsPage(view("f=0:version:eq:2.0.0-rc.1"), temp.prisma())).rows;
    expect(c4).toMatchObject({ id: "c4", modelType: "classifier", modelVersion: "2.0.0-rc.1", startedAt: day(9), completedAt: null, accuracy: null, trainingSamples: 1000 });
  });
});
