import { describe, expect, it } from "vitest";
import { AuthConfigError, parseRallAuth } from "./auth-mode";

describe("RALL_AUTH", () => {
  it.each([
    ["on", true],
    ["ON", true],
    ["true", true],
    ["1", true],
    [" yes ", true],
    ["off", false],
    ["False", false],
    ["0", false],
    ["no", false],
  ])("reads %j as %s, whatever NODE_ENV says", (value, expected) => {
    expect(parseRallAuth(value, "production")).toBe(expected);
    expect(parseRallAuth(value, "development")).toBe(expected);
  });

  it("is on when unset or empty, except under next dev", () => {
    expect(parseRallAuth(undefined, "production")).toBe(true);
    expect(parseRallAuth(undefined, "test")).toBe(true);
    expect(parseRallAuth(undefined, undefined)).toBe(true);
    expect(parseRallAuth("", "production")).toBe(true);
    expect(parseRallAuth(undefined, "development")).toBe(false);
  });

  it("fails loudly on a value it does not know, naming it, rather than guessing on or off", () => {
    expect(() => parseRallAuth("of", "production")).toThrow(AuthConfigError);
    expect(() => parseRallAuth("disabled", "development")).toThrow(/RALL_AUTH must be on or off.*"disabled"/);
  });
});
