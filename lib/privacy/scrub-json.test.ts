import { describe, expect, it } from "vitest";
import { scrubJsonStrings } from "./scrub-json";

describe("scrubJsonStrings", () => {
  it("scrubs strings at any depth and keeps numbers, booleans, nulls, keys and order", () => {
    const input = {
      learning_rate: 0.001,
      early_stopping: true,
      scheduler: null,
      data: { path: "/home/alice/train.jsonl", owners: ["ml@example.com", "ok"] },
    };
    const { value, findings } = scrubJsonStrings(input);
    expect(value).toEqual({
      learning_rate: 0.001,
      early_stopping: true,
      scheduler: null,
      data: { path: "[HOME_PATH]", owners: ["[EMAIL]", "ok"] },
    });
    expect(Object.keys(value)).toEqual(Object.keys(input));
    expect(findings).toEqual([
      { category: "home_path", path: ["data", "path"] },
      { category: "email", path: ["data", "owners", 0] },
    ]);
    // The input is not modified.
    expect(input.data.path).toBe("/home/alice/train.jsonl");
  });

  it("replaces the whole value of a key that names a secret, whatever the value looks like", () => {
    const { value, findings } = scrubJsonStrings({ db_password: "hunter2 jane@example.com", HF_TOKEN: "abc", optimizer: "adam" });
    expect(value).toEqual({ db_password: "[SECRET]", HF_TOKEN: "[SECRET]", optimizer: "adam" });
    expect(findings.map((f) => f.category)).toEqual(["secret", "secret"]);
  });

  it("reports the more specific category when it covers the whole secret value, and leaves placeholders alone", () => {
    const key = ["AKIA", "IOSFODNN7EXAMPLE"].join("");
    const { value, findings } = scrubJsonStrings({ aws_access_key_id: key, api_key: "${OPENAI_API_KEY}", token: "" });
    expect(value).toEqual({ aws_access_key_id: "[AWS_ACCESS_KEY]", api_key: "${OPENAI_API_KEY}", token: "" });
    expect(findings).toEqual([{ category: "aws_access_key", path: ["aws_access_key_id"] }]);
  });

  it("returns plain values and clean objects unchanged, with no findings", () => {
    expect(scrubJsonStrings(42)).toEqual({ value: 42, findings: [] });
    expect(scrubJsonStrings({ version: "1.2.3", run: "123e4567-e89b-12d3-a456-426614174000" })).toEqual({
      value: { version: "1.2.3", run: "123e4567-e89b-12d3-a456-426614174000" },
      findings: [],
    });
  });
});
