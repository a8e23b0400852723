import { afterEach, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { hyperparameterKeys } from "./hyperparameter-keys";
import { insertTestRun } from "./runs-test-rows";

let temp: TempDatabase | undefined;
afterEach(async () => {
  await temp?.close();
  temp = undefined;
});

describe("hyperparameterKeys", () => {
  it("lists every key with its number of runs, most common first, then by name", async () => {
    temp = createTempDatabase();
    insertTestRun(temp.sqlite, { id: "a", model_version: "1.0.0", hyperparameters: { lr: 0.1, optimizer: "adam" } });
    insertTestRun(temp.sqlite, { id: "b", model_version: "1.1.0", hyperparameters: { lr: 0.2, "warmup steps": 10 } });
    insertTestRun(temp.sqlite, { id: "c", model_version: "1.2.0", hyperparameters: {} });
    expect(await hyperparameterKeys(temp.prisma())).toEqual([
      { key: "lr", runs: 2 },
      { key: "optimizer", runs: 1 },
      { key: "warmup steps", runs: 1 },
    ]);
  });

  it("serves the cached keys until a run is added, and re-reads after that", async () => {
    temp = createTempDatabase();
    const client = temp.prisma();
    insertTestRun(temp.sqlite, { id: "a", model_version: "1.0.0", hyperparameters: { lr: 0.1 } });
    const first = await hyperparameterKeys(client, 1_000);
    expect(await hyperparameterKeys(client, 2_000)).toBe(first);
    insertTestRun(temp.sqlite, { id: "b", model_version: "1.1.0", hyperparameters: { gamma: 0.9 } });
    expect((await hyperparameterKeys(client, 3_000)).map((k) => k.key)).toEqual(["gamma", "lr"]);
  });
});
