import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, PASSWORD_MIN_LENGTH, SCRYPT_PARAMS, verifyPassword } from "./password";

const PASSWORD = "correct horse battery staple";

describe("hashPassword / verifyPassword", () => {
  it("verifies the password it hashed and refuses any other", async () => {
    const stored = await hashPassword(PASSWORD);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("stores the scrypt parameters and a per-hash salt with the hash, never the password", async () => {
    const [one, two] = [await hashPassword(PASSWORD), await hashPassword(PASSWORD)];
    const parts = one.split("$");
    expect(parts.slice(0, 4)).toEqual(["scrypt", String(SCRYPT_PARAMS.N), String(SCRYPT_PARAMS.r), String(SCRYPT_PARAMS.p)]);
    expect(SCRYPT_PARAMS.N).toBeGreaterThanOrEqual(2 ** 15);
    expect(Buffer.from(parts[4]!, "base64url")).toHaveLength(16);
    expect(Buffer.from(parts[5]!, "base64url")).toHaveLength(32);
    // Same password, different salt, different hash: equal passwords are not visible as equal hashes.
    expect(one).not.toBe(two);
    expect(one).not.toContain(PASSWORD);
  });

  it("verifies with the parameters stored in the hash, so they can be raised later", async () => {
    // A hash made with other parameters (N = 2^14, r = 8, p = 1) still verifies.
    const { scryptSync } = await import("node:crypto");
    const salt = Buffer.from("0123456789abcdef");
    const key = scryptSync(PASSWORD, salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const stored = `scrypt$16384$8$1$${salt.toString("base64url")}$${key.toString("base64url")}`;
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await verifyPassword("wrong", stored)).toBe(false);
  });

  it("refuses a malformed or truncated stored value instead of throwing (timingSafeEqual needs equal lengths)", async () => {
    const stored = await hashPassword(PASSWORD);
    expect(await verifyPassword(PASSWORD, stored.slice(0, -4))).toBe(false);
    expect(await verifyPassword(PASSWORD, "plain-text")).toBe(false);
    expect(await verifyPassword(PASSWORD, stored.replace("scrypt$", "bcrypt$"))).toBe(false);
    expect(await verifyPassword(PASSWORD, stored.replace(/^scrypt\$\d+/, "scrypt$999999999"))).toBe(false);
  });
});

describe("passwordProblem", () => {
  it("accepts a long passphrase", () => {
    expect(passwordProblem(PASSWORD, "mira")).toBeNull();
  });

  it.each([
    ["short1!", /at least 12 characters \(it has 7\)/],
    ["aaaaaaaaaaaaaaaa", /repeats too few characters/],
    ["password1234", /too common/],
    ["mira.k-rules-2026", /must not contain the username/],
  ])("refuses %j with a clear reason", (password, message) => {
    expect(passwordProblem(password, "mira.k")).toMatch(message);
  });

  it(`needs ${PASSWORD_MIN_LENGTH} characters`, () => {
    expect(passwordProblem("abcdefghijk")).toMatch(/at least/);
    expect(passwordProblem("abcdefghijkl")).toBeNull();
  });
});
