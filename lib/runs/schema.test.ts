import { describe, expect, it } from "vitest";
import { parseRegisterRun, parseUtcDateTime, REGISTER_RUN_FIELDS, registerRunValues, type RegisterRunField } from "./schema";

/** A complete, valid form as the browser sends it: every value a string. */
function form(overrides: Partial<Record<RegisterRunField, string>> = {}): FormData {
  const values: Record<RegisterRunField, string> = {
    modelType: "classifier",
    modelVersion: "3.1.0",
    featureSetVersion: "fv-2",
    startedAt: "2026-11-20T08:00",
    completedAt: "2026-11-20T09:30",
    trainingDurationMs: "5400000",
    trainingSamples: "12000",
    validationSamples: "2500",
    testSamples: "2500",
    accuracy: "0.913",
    precision: "0.905",
    recall: "0.921",
    f1Score: "0.913",
    trainingLoss: "0.215",
    validationLoss: "0.248",
    hyperparameters: '{"learning_rate": 0.001, "optimizer": {"name": "adam", "betas": [0.9, 0.999]}}',
    notes: "Retrained on 30 more days.",
    trainingDataSnapshotId: "",
    ...overrides,
  };
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

function errorsOf(overrides: Partial<Record<RegisterRunField, string>>) {
  const result = parseRegisterRun(form(overrides));
  if (result.ok) throw new Error("expected the form to be refused");
  return result.fieldErrors;
}

describe("parseRegisterRun: a valid form", () => {
  it("is typed and normalised: numbers, ISO UTC timestamps, a parsed hyperparameter object", () => {
    const result = parseRegisterRun(form());
    expect(result).toEqual({
      ok: true,
      data: {
        modelType: "classifier",
        modelVersion: "3.1.0",
        featureSetVersion: "fv-2",
        startedAt: "2026-11-20T08:00:00.000Z",
        completedAt: "2026-11-20T09:30:00.000Z",
        trainingDurationMs: 5_400_000,
        trainingSamples: 12_000,
        validationSamples: 2_500,
        testSamples: 2_500,
        accuracy: 0.913,
        precision: 0.905,
        recall: 0.921,
        f1Score: 0.913,
        trainingLoss: 0.215,
        validationLoss: 0.248,
        hyperparameters: { learning_rate: 0.001, optimizer: { name: "adam", betas: [0.9, 0.999] } },
        notes: "Retrained on 30 more days.",
        trainingDataSnapshotId: null,
      },
    });
  });

  it("turns blank optional fields into null and blank hyperparameters into {}", () => {
    const blank = Object.fromEntries(
      ["featureSetVersion", "completedAt", "trainingDurationMs", "validationSamples", "testSamples", "accuracy", "precision", "recall", "f1Score", "trainingLoss", "validationLoss", "hyperparameters", "notes"].map((field) => [field, "  "]),
    );
    const result = parseRegisterRun(form(blank));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { modelType, modelVersion, startedAt, trainingSamples, hyperparameters, ...rest } = result.data;
    expect([modelType, modelVersion, startedAt, trainingSamples, hyperparameters]).toEqual(["classifier", "3.1.0", "2026-11-20T08:00:00.000Z", 12_000, {}]);
    expect(Object.values(rest).every((value) => value === null)).toBe(true);
  });

  it("trims text, accepts metrics at the bounds 0 and 1, exponents, seconds and milliseconds", () => {
    const result = parseRegisterRun(
      form({ modelVersion: " 2.0.0-rc.1+build.7 ", accuracy: "1", precision: "0", trainingLoss: "3e-4", startedAt: "2026-11-20T08:00:05.25", completedAt: "2026-11-20T08:00:05.250" }),
    );
    expect(result.ok && result.data).toMatchObject({
      modelVersion: "2.0.0-rc.1+build.7",
      accuracy: 1,
      precision: 0,
      trainingLoss: 0.0003,
      startedAt: "2026-11-20T08:00:05.250Z",
      completedAt: "2026-11-20T08:00:05.250Z",
    });
  });

  it("accepts a JSON body with numbers, null and an object, as an API route would send it", () => {
    const result = parseRegisterRun({
      modelType: "routing",
      modelVersion: "1.0.0",
      startedAt: "2026-11-20T08:00:00.000Z",
      completedAt: null,
      trainingSamples: 500,
      accuracy: 0.75,
      hyperparameters: { depth: 6 },
    });
    expect(result.ok && result.data).toMatchObject({ modelType: "routing", startedAt: "2026-11-20T08:00:00.000Z", completedAt: null, trainingSamples: 500, accuracy: 0.75, hyperparameters: { depth: 6 }, notes: null });
  });
});

describe("parseRegisterRun: each rule answers beside its own field, in plain words", () => {
  it.each<[string, Partial<Record<RegisterRunField, string>>, RegisterRunField, string]>([
    ["model type is required", { modelType: "" }, "modelType", "Choose the model type: classifier, routing, optimization."],
    ["model type must be one the schema allows", { modelType: "ranker" }, "modelType", "Choose the model type: classifier, routing, optimization."],
    ["version is required", { modelVersion: " " }, "modelVersion", "Enter the version, such as 1.4.0."],
    ["version must be semantic (two parts)", { modelVersion: "1.2" }, "modelVersion", "“1.2” is not a semantic version. Use MAJOR.MINOR.PATCH, such as 1.4.0 or 2.0.0-rc.1."],
    ["version must be semantic (leading zero)", { modelVersion: "1.02.0" }, "modelVersion", "“1.02.0” is not a semantic version. Use MAJOR.MINOR.PATCH, such as 1.4.0 or 2.0.0-rc.1."],
    ["version must be semantic (a v prefix)", { modelVersion: "v1.2.0" }, "modelVersion", "“v1.2.0” is not a semantic version. Use MAJOR.MINOR.PATCH, such as 1.4.0 or 2.0.0-rc.1."],
    ["accuracy above 1", { accuracy: "1.5" }, "accuracy", "Accuracy must be between 0 and 1."],
    ["accuracy given as a percentage", { accuracy: "91.3" }, "accuracy", "Accuracy must be between 0 and 1: enter 91.3% as 0.913."],
    ["precision below 0", { precision: "-0.1" }, "precision", "Precision must be between 0 and 1."],
    ["recall that is not a number", { recall: "high" }, "recall", "Recall must be a number between 0 and 1, such as 0.921."],
    ["F1 with a comma", { f1Score: "0,9" }, "f1Score", "F1 score must be a number between 0 and 1, such as 0.913."],
    ["training samples are required", { trainingSamples: "" }, "trainingSamples", "Enter the training samples."],
    ["training samples cannot be negative", { trainingSamples: "-3" }, "trainingSamples", "Training samples cannot be negative."],
    ["training samples are whole", { trainingSamples: "2.5" }, "trainingSamples", "Training samples must be a whole number, not a fraction."],
    ["validation samples are numbers", { validationSamples: "12,000" }, "validationSamples", "Validation samples must be a whole number, such as 2500."],
    ["test samples cannot be negative", { testSamples: "-1" }, "testSamples", "Test samples cannot be negative."],
    ["training loss cannot be negative", { trainingLoss: "-0.2" }, "trainingLoss", "Training loss cannot be negative."],
    ["validation loss is a number", { validationLoss: "NaN" }, "validationLoss", "Validation loss must be a number, such as 0.248."],
    ["duration is whole milliseconds", { trainingDurationMs: "1.5" }, "trainingDurationMs", "Training duration must be a whole number of milliseconds, not a fraction."],
    ["duration cannot be negative", { trainingDurationMs: "-1" }, "trainingDurationMs", "Training duration cannot be negative."],
    ["hyperparameters must parse", { hyperparameters: '{"lr": 0.1,}' }, "hyperparameters", "Hyperparameters are not valid JSON: "],
    ["hyperparameters must be an object, not an array", { hyperparameters: "[0.1, 0.2]" }, "hyperparameters", 'Hyperparameters must be a JSON object, such as {"learning_rate": 0.001}, not an array.'],
    ["hyperparameters must be an object, not null", { hyperparameters: "null" }, "hyperparameters", 'Hyperparameters must be a JSON object, such as {"learning_rate": 0.001}, not null.'],
    ["hyperparameters must be an object, not a number", { hyperparameters: "42" }, "hyperparameters", 'Hyperparameters must be a JSON object, such as {"learning_rate": 0.001}, not a number.'],
    ["hyperparameters hold only numbers JSON can store", { hyperparameters: '{"scale": {"max": 1e400}}' }, "hyperparameters", "Hyperparameters contain a number too large to store"],
    ["start is required", { startedAt: "" }, "startedAt", "Enter when training started."],
    ["start must be a date and time", { startedAt: "yesterday" }, "startedAt", "Enter a date and time in UTC, such as 2026-11-20 14:30."],
    ["start must exist", { startedAt: "2026-02-30T08:00" }, "startedAt", "That date does not exist."],
    ["completion must be a date and time", { completedAt: "20/11/2026" }, "completedAt", "Enter a date and time in UTC, such as 2026-11-20 14:30."],
    ["completion not before start", { completedAt: "2026-11-20T07:59" }, "completedAt", "Completed must not be before started."],
    ["notes have a length limit", { notes: "x".repeat(5001) }, "notes", "Notes must be at most 5,000 characters (it has 5,001)."],
    ["feature set version has a length limit", { featureSetVersion: "f".repeat(101) }, "featureSetVersion", "Feature set version must be at most 100 characters (it has 101)."],
  ])("%s", (_, overrides, field, message) => {
    const errors = errorsOf(overrides);
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toHaveLength(1);
    expect(errors[field]![0]!.startsWith(message)).toBe(true);
  });

  it("names the JSON parser's complaint when the hyperparameters do not parse", () => {
    expect(errorsOf({ hyperparameters: "{learning_rate: 0.1}" }).hyperparameters![0]).toMatch(/^Hyperparameters are not valid JSON: .*position 1/);
  });

  it("reports every wrong field at once, including the date order while other fields are wrong", () => {
    const result = parseRegisterRun(form({ modelVersion: "1.2", accuracy: "2", trainingSamples: "-1", completedAt: "2026-11-19T00:00" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["accuracy", "completedAt", "modelVersion", "trainingSamples"]);
    expect(result.message).toBe("4 fields need attention; nothing was saved.");
  });

  it("allows completion at the very instant of the start", () => {
    expect(parseRegisterRun(form({ completedAt: "2026-11-20T08:00" })).ok).toBe(true);
  });
});

describe("parseUtcDateTime and registerRunValues", () => {
  it("reads datetime-local values as UTC and refuses days that do not exist", () => {
    expect(parseUtcDateTime("2026-11-20T14:30")).toBe("2026-11-20T14:30:00.000Z");
    expect(parseUtcDateTime("2028-02-29T00:00")).toBe("2028-02-29T00:00:00.000Z");
    expect(parseUtcDateTime("2026-02-29T00:00")).toBeNull();
    expect(parseUtcDateTime("2026-11-20T24:00")).toBeNull();
    expect(parseUtcDateTime("2026-11-20T14:30:00+02:00")).toBeNull();
  });

  it("keeps what the user typed, field by field, for a refused form", () => {
    const values = registerRunValues(form({ accuracy: "1.5" }));
    expect(Object.keys(values)).toEqual([...REGISTER_RUN_FIELDS]);
    expect(values.accuracy).toBe("1.5");
    expect(values.notes).toBe("Retrained on 30 more days.");
  });
});
