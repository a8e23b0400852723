import { describe, expect, it } from "vitest";
import { Rng } from "@/lib/random";
import { DoubleSink, readJsonDoubles } from "./json-doubles";

const read = (text: string) => {
  const sink = new DoubleSink(2);
  const count = readJsonDoubles(Buffer.from(text, "utf8"), sink);
  return Array.from(sink.values.subarray(0, count));
};

/** Object.is per element, so -0 and NaN are told apart from 0. */
const expectSameDoubles = (actual: number[], expected: number[]) => {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, i) => expect(Object.is(actual[i], value), `element ${i}: ${actual[i]} vs ${value}`).toBe(true));
};

describe("readJsonDoubles", () => {
  it("gives exactly the doubles JSON.parse gives, on the fast path's edges and beyond it", () => {
    const cases = [
      "[0.1,-0.25,1e-05,1E5,1e+2,-0,0,0.0,-0.0]",
      // 16 to 19 significant digits (beyond the exact-mantissa path), the smallest and largest doubles, overflow.
      "[0.1234567890123456789,9007199254740993,9007199254740992,123456789012345678,5e-324,2.2250738585072014e-308,1.7976931348623157e308,1e400,-1e400]",
      // 16 digits that accumulate to exactly 2^53 by rounding: not the fast path (9007199254740992 × 10^-16 is not the number).
      "[0.9007199254740993,90071992547409.93,9007199254740993e1]",
      // Exponents at and past ±22, where m × 10^e stops being one exact operation.
      "[1e22,1e23,1.5e-22,1.5e-23,123e20,123e21,0.000000000000000000000001]",
      " [ 1 , 2\n,\t3 ] ",
      "[]",
    ];
    for (const text of cases) expectSameDoubles(read(text), JSON.parse(text));
  });

  it("agrees with JSON.parse on 20,000 random doubles written by JavaScript, Python-style rounding and float32 values", () => {
    const rng = new Rng("json-doubles");
    const values: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      const x = rng.normal(0, 1) * 10 ** rng.int(-30, 30);
      values.push(String(x), x.toFixed(rng.int(0, 20)), x.toExponential(rng.int(0, 20)), String(Math.fround(x)));
    }
    const text = `[${values.join(",")}]`;
    expectSameDoubles(read(text), JSON.parse(text));
  });

  it("reads an element that is not a number as NaN, through JSON.parse", () => {
    expectSameDoubles(read('["é","a\\"b",1,null,[2]]'), [NaN, NaN, 1, NaN, NaN]);
  });

  it("appends to what the sink already holds, growing it", () => {
    const sink = new DoubleSink(1);
    expect(readJsonDoubles(Buffer.from("[1,2,3]"), sink)).toBe(3);
    expect(readJsonDoubles(Buffer.from("[4.5]"), sink)).toBe(1);
    expectSameDoubles(Array.from(sink.values.subarray(0, sink.length)), [1, 2, 3, 4.5]);
  });
});
