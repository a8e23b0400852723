import { describe, expect, it } from "vitest";
import { logBeta, logGamma } from "./log-gamma";
import { expectRelativelyClose } from "./test-fixtures/relative-error";

describe("logGamma", () => {
  it("gives ln Γ(1) = ln Γ(2) = 0 and ln Γ(10) = ln 9! = ln 362,880", () => {
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-14);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-14);
    expectRelativelyClose(logGamma(10), Math.log(362_880), 1e-15);
  });

  // mpmath 1.3 (mp.loggamma) at 30 digits.
  it.each([[0.5, 0.57236494292470008707], [10, 12.801827480081469611], [100.5, 361.43554046777762156], [250_001, 2857311.1827580608315]])(
    "ln Γ(%s) agrees with mpmath to 1e-14 relative",
    (x, expected) => expectRelativelyClose(logGamma(x), expected, 1e-14),
  );

  it("gives B(a, b) = Γ(a)Γ(b)/Γ(a + b): B(2, 3) = 1/12", () => {
    expectRelativelyClose(Math.exp(logBeta(2, 3)), 1 / 12, 1e-14);
  });

  it("refuses x ≤ 0", () => {
    expect(() => logGamma(0)).toThrow(RangeError);
  });
});
