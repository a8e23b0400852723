import { afterEach, describe, expect, it } from "vitest";
import { insertRun } from "@/lib/test-support/rows";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { trainingRunSummary } from "./training-runs";

let temp: TempDatabase | undefined;
afterEach(async () => {
  await temp?.close();
  temp = undefined;
});

describe("trainingRunSummary", () => {
  it("reports zeros for every model type on an empty database", async () => {
    temp = createTempDatabase();
    expect(await trainingRunSummary(temp.prisma())).toEqual({
      total: 0,
      completed: 0,
      running: 0,
      byModelType: [
        { modelType: "classifier", total: 0, completed: 0, running: 0 },
        { modelType: "routing", total: 0, completed: 0, running: 0 },
        { modelType: "optimization", total: 0, completed: 0, running: 0 },
      ],
    });
  });

  it("counts a run as running while completed_at is NULL, per model type and in total", async () => {
    temp = createTempDatabase();
    insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.0.0" });
    insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.1.0" });
    insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.2.0", completed_at: null });
    insertRun(temp.sqlite, { model_type: "routing", model_version: "0.1.0" });
    insertRun(temp.sqlite, { model_type: "optimization", model_version: "0.1.0", completed_at: null });

    expect(await trainingRunSummary(temp.prisma())).toEqual({
      total: 5,
      completed: 3,
      running: 2,
      byModelType: [
        { modelType: "classifier", total: 3, completed: 2, running: 1 },
        { modelType: "routing", total: 1, completed: 1, running: 0 },
        { modelType: "optimization", total: 1, completed: 0, running: 1 },
      ],
    });
  });
});
