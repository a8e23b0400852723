import { describe, expect, it } from "vitest";
import { diffHyperparameters, formatHyperparameterValue, hyperparameterEntries, jsonEqual, parseHyperparameters } from "./hyperparameters";

describe("diffHyperparameters", () => {
  const base = { learning_rate: 0.001, batch_size: 64, optimizer: { name: "adam", betas: [0.9, 0.999] }, layers: [256, 128] };

  it("marks only the keys whose values differ, by deep JSON equality", () => {
    const rows = diffHyperparameters([
      base,
      // Same values, keys and nested keys in another order: nothing differs there.
      { layers: [256, 128], optimizer: { betas: [0.9, 0.999], name: "adam" }, batch_size: 64, learning_rate: 0.002 },
    ]);
    expect(rows.map((row) => [row.key, row.differs])).toEqual([
      ["learning_rate", true],
      ["batch_size", false],
      ["optimizer", false],
      ["layers", false],
    ]);
  });

  it("treats a nested change, array order and length, and a type change as different", () => {
    const rows = diffHyperparameters([
      base,
      { ...base, optimizer: { name: "adam", betas: [0.9, 0.98] }, layers: [128, 256], batch_size: "64" },
      { ...base, layers: [256, 128, 64] },
    ]);
    expect(rows.filter((row) => row.differs).map((row) => row.key)).toEqual(["batch_size", "optimizer", "layers"]);
  });

  it("counts a key missing from some runs as different, and shows null for those runs", () => {
    const rows = diffHyperparameters([{ dropout: 0.1, epochs: 10 }, { epochs: 10 }, { epochs: 10, warmup: null }]);
    expect(rows.map((row) => [row.key, row.differs, row.values.map((value) => value?.text ?? "(not set)")])).toEqual([
      ["dropout", true, ["0.1", "(not set)", "(not set)"]],
      ["epochs", false, ["10", "10", "10"]],
      // null is a value: set to null differs from not set.
      ["warmup", true, ["(not set)", "(not set)", "null"]],
    ]);
  });

  it("finds no difference between identical or empty sets", () => {
    expect(diffHyperparameters([base, structuredClone(base), structuredClone(base)]).every((row) => !row.differs)).toBe(true);
    expect(diffHyperparameters([{}, {}])).toEqual([]);
  });

  it("lists keys in order of first appearance across the runs", () => {
    expect(diffHyperparameters([{ b: 1, a: 1 }, { c: 1, a: 1 }]).map((row) => row.key)).toEqual(["b", "a", "c"]);
  });
});

describe("jsonEqual", () => {
  it.each<[unknown, unknown, boolean]>([
    [1, 1, true],
    [0.1, 0.1, true],
    ["1", 1, false],
    [null, null, true],
    [null, {}, false],
    [[], {}, false],
    [{ a: undefined }, {}, false],
    [{ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }, true],
    [{ a: 1, b: 2 }, { b: 2, a: 1 }, true],
    [[1, 2], [2, 1], false],
    [true, 1, false],
  ])("%j and %j: %s", (a, b, equal) => {
    expect(jsonEqual(a, b)).toBe(equal);
    expect(jsonEqual(b, a)).toBe(equal);
  });
});

describe("formatting hyperparameters for reading", () => {
  it("keeps the JSON's key order and shows scalars plainly", () => {
    const entries = hyperparameterEntries(parseHyperparameters('{"optimizer":"adam","lr":0.0001,"tiny":1e-7,"amp":true,"seed":null}'));
    expect(entries.map(({ key, value }) => [key, value.kind, value.text])).toEqual([
      ["optimizer", "string", "adam"],
      ["lr", "number", "0.0001"],
      ["tiny", "number", "1e-7"],
      ["amp", "boolean", "true"],
      ["seed", "null", "null"],
    ]);
  });

  it("prints short nested values on one line and long ones pretty-printed", () => {
    expect(formatHyperparameterValue({ name: "adam", betas: [0.9, 0.999] })).toEqual({
      kind: "object",
      text: '{"name": "adam", "betas": [0.9, 0.999]}',
      multiline: false,
    });
    const long = formatHyperparameterValue({ schedule: "cosine", warmup_steps: 500, min_lr: 0.00001, cycles: [1, 2, 4] });
    expect(long.multiline).toBe(true);
    expect(long.text).toBe('{\n  "schedule": "cosine",\n  "warmup_steps": 500,\n  "min_lr": 0.00001,\n  "cycles": [\n    1,\n    2,\n    4\n  ]\n}');
  });

  it("refuses a column that is not a JSON object", () => {
    expect(() => parseHyperparameters("[1]")).toThrow(TypeError);
  });
});
