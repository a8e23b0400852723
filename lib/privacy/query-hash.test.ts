import { describe, expect, it } from "vitest";
import { hashQueryText, hmacSha256Hex, normalizeQueryText } from "./query-hash";

describe("hmacSha256Hex", () => {
  it("matches RFC 4231 test case 2 (key 'Jefe', data 'what do ya want for nothing?')", () => {
    expect(hmacSha256Hex("what do ya want for nothing?", Buffer.from("Jefe"))).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
  });
});

describe("normalizeQueryText", () => {
  it("applies NFKC, lower-cases, collapses whitespace and trims", () => {
    expect(normalizeQueryText("  How   do I\tfix\nTHIS?  ")).toBe("how do i fix this?");
    // Full-width letters and the 'ﬁ' ligature become plain ASCII under NFKC.
    expect(normalizeQueryText("Ｆｉｘ the ﬁle")).toBe("fix the file");
    expect(normalizeQueryText("a\u00a0b")).toBe("a b"); // a no-break space is whitespace too
  });
});

describe("hashQueryText", () => {
  const key = Buffer.from("0123456789abcdef0123456789abcdef", "hex");

  it("is the HMAC of the normalised text, so spelling variants share one hash", () => {
    const expected = hmacSha256Hex("what is rust?", key);
    expect(hashQueryText("What is Rust?", key)).toBe(expected);
    expect(hashQueryText("  what   IS rust? ", key)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it("differs for different texts and for different keys (v1 stored one hash for every query)", () => {
    expect(hashQueryText("query one", key)).not.toBe(hashQueryText("query two", key));
    expect(hashQueryText("query one", key)).not.toBe(hashQueryText("query one", Buffer.from("another key 1234")));
  });
});
