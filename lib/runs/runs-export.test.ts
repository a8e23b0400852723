import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { parseRunsView } from "./run-search-params";
import { runsCsvStream, runsForExport } from "./runs-export";
import { runsPage } from "./runs-query";
import { insertTestRuns, type TestRun } from "./runs-test-rows";

// 23 runs with deliberate ties and gaps: accuracy repeats every 4 runs and is missing for every fifth, so a
// keyset that mishandled equal or NULL keys would skip or repeat rows at chunk borders.
const RUNS: TestRun[] = Array.from({ length: 23 }, (_, i) => ({
  id: `run-${String(i).padStart(2, "0")}`,
  model_type: (["classifier", "routing", "optimization"] as const)[i % 3],
  model_version: `1.${i % 4}.${i}`,
  started_at: `2026-01-${String(1 + (i % 7)).padStart(2, "0")}T00:00:00.000Z`,
  accuracy: i % 5 === 0 ? null : 0.5 + (i % 4) / 10,
  hyperparameters: i % 6 === 0 ? {} : { learning_rate: [0.001, 0.003, 0.01][i % 3] },
  notes: i === 7 ? 'comma, "quote"\nnewline' : null,
}));

let temp: TempDatabase;
beforeAll(() => {
  temp = createTempDatabase();
  insertTestRuns(temp.sqlite, RUNS);
});
afterAll(() => temp.close());

const viewOf = (query: string) => parseRunsView(new URLSearchParams(query)).view;

async function exportedIds(query: string, chunkSize: number): Promise<string[]> {
  const ids: string[] = [];
  for await (const chunk of runsForExport(viewOf(query), temp.prisma(), chunkSize)) ids.push(...chunk.map((row) => row.id));
  return ids;
}

describe("runsForExport", () => {
  it.each([
    "",
    "sort=accuracy&dir=desc",
    "sort=accuracy&dir=asc",
    "sort=version&dir=asc",
    "sort=hp.learning_rate&dir=desc",
    "sort=completed&dir=asc",
    "sort=live_accuracy",
    "sort=type&dir=asc&f=0:accuracy:gte:0.6&f=1:type:eq:routing",
  ])("yields every matching run once, in the view's order, across chunk borders (%s)", async (query) => {
    const all = (await runsPage(viewOf(`${query}&size=100`), temp.prisma())).rows.map((row) => row.id);
    for (const chunkSize of [1, 4, 7, 100]) expect(await exportedIds(query, chunkSize)).toEqual(all);
  });

  it("ignores the page and page size: the whole filtered result, not one page", async () => {
    const ids = await exportedIds("f=0:type:eq:classifier&size=25&page=3", 5);
    expect(ids).toHaveLength(RUNS.filter((run) => run.model_type === "classifier").length);
  });
});

describe("runsCsvStream", () => {
  it("streams a header and one line per run, quoting notes", async () => {
    const text = await new Response(runsCsvStream(viewOf("hp=learning_rate"), temp.prisma(), 4)).text();
    const lines = text.split("\r\n");
    expect(lines[0]).toMatch(/^id,model_type,.*,notes,hp\.learning_rate$/);
    expect(text).toContain('"comma, ""quote""\nnewline"');
    // 23 runs, the header, and the empty string after the final CRLF.
    expect(lines).toHaveLength(25);
  });
});
