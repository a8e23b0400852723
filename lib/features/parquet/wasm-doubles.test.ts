import { describe, expect, it } from "vitest";
import { Rng } from "@/lib/random";
import { DoubleSink, readJsonDoubles } from "./json-doubles";
import { JsonDoublesKernel } from "./wasm-doubles";

interface Read {
  values: Float64Array;
  counts: number[];
}

const viaKernel = (texts: string[], kernel = new JsonDoublesKernel()): Read & { handled: number } => {
  const parts = texts.map((text) => Buffer.from(text, "utf8"));
  const sink = new DoubleSink(4);
  const counts = new Array<number>(texts.length).fill(-1);
  const handled = kernel.readJsonDoubleArrays(Buffer.concat(parts), parts.map((part) => part.length), sink, counts);
  return { values: sink.values.slice(0, sink.length), counts, handled };
};

const viaReadJsonDoubles = (texts: string[]): Read => {
  const sink = new DoubleSink(4);
  const counts = texts.map((text) => readJsonDoubles(Buffer.from(text, "utf8"), sink));
  return { values: sink.values.slice(0, sink.length), counts };
};

/** JSON.parse, with readJsonDoubles' reading of what is not a number (NaN) or not an array (no elements). */
const viaJsonParse = (texts: string[]): Read => {
  const arrays = texts.map((text) => {
    const parsed: unknown = JSON.parse(text);
    return (Array.isArray(parsed) ? parsed : []).map((element: unknown) => (typeof element === "number" ? element : NaN));
  });
  return { values: Float64Array.from(arrays.flat()), counts: arrays.map((array) => array.length) };
};

/** Bit for bit, so -0 is not 0 and NaN equals NaN; names the first differing element. */
const expectSameBits = (actual: Read, expected: Read) => {
  expect(actual.counts).toEqual(expected.counts);
  expect(actual.values.length).toBe(expected.values.length);
  const a = new BigUint64Array(actual.values.buffer, actual.values.byteOffset, actual.values.length);
  const b = new BigUint64Array(expected.values.buffer, expected.values.byteOffset, expected.values.length);
  const first = a.findIndex((bits, i) => bits !== b[i]);
  expect(first, first < 0 ? "" : `element ${first}: ${actual.values[first]} vs ${expected.values[first]}`).toBe(-1);
};

const expectAllAgree = (texts: string[]) => {
  const kernel = viaKernel(texts);
  expectSameBits(kernel, viaReadJsonDoubles(texts));
  expectSameBits(kernel, viaJsonParse(texts));
  return kernel;
};

const embedding = (values: string[]) => `[${values.join(",")}]`;

describe("JsonDoublesKernel", () => {
  it("reads real-looking embeddings (normals with 5 decimals) itself, bit for bit as readJsonDoubles and JSON.parse", () => {
    const rng = new Rng("wasm-doubles-real");
    const texts = Array.from({ length: 200 }, () => embedding(Array.from({ length: 384 }, () => String(Math.round(rng.normal(0, 1) * 1e5) / 1e5))));
    const { handled, values } = expectAllAgree(texts);
    expect(handled).toBe(200);
    expect(values).toHaveLength(200 * 384);
  });

  it("agrees on random doubles as JavaScript writes them (17 digits, exponents), fixed and exponential forms", () => {
    const rng = new Rng("wasm-doubles-random");
    const texts: string[] = [];
    for (let i = 0; i < 200; i++) {
      const values: string[] = [];
      for (let j = 0; j < 50; j++) {
        const x = rng.normal(0, 1) * 10 ** rng.int(-30, 30);
        values.push([String(x), x.toFixed(rng.int(0, 20)), x.toExponential(rng.int(0, 20)), String(Math.fround(x))][i % 4]!);
      }
      texts.push(embedding(values));
    }
    expectAllAgree(texts);
  });

  it("reads numbers with exponents itself (up to 7 significant digits: at most 15 bytes before the exponent)", () => {
    const rng = new Rng("wasm-doubles-precision");
    const texts = Array.from({ length: 100 }, () =>
      embedding(Array.from({ length: 100 }, () => (rng.normal(0, 1) * 10 ** rng.int(-10, 10)).toPrecision(rng.int(1, 7)))),
    );
    expect(texts.join("")).toMatch(/e-/);
    expect(texts.join("")).toMatch(/e\+/);
    expect(expectAllAgree(texts).handled).toBe(100);
  });

  it("agrees on the fast path's edges: zeros, 2^53, ±22 exponents, 15 and 16 digits, the extremes", () => {
    const edges = [
      "[0]", "[-0]", "[0.0]", "[-0.0]", "[-0e5]", "[1]", "[]", "[1e22]", "[1e23]", "[1.5e-22]", "[1.5e-23]", "[123e20]", "[123e21]",
      "[9007199254740992]", "[9007199254740993]", "[9007199254740993e1]", "[0.9007199254740993]", "[90071992547409.93]",
      "[123456789012345678]", "[0.1234567890123456789]", "[999999999999999]", "[9999999999999999]", "[123456789012.34]",
      "[1234567890123.45]", "[-12345678901234.5]", "[1e-7]", "[-1E+5]", "[1e+2]", "[1e0005]", "[1e00005]", "[5e-324]",
      "[2.2250738585072014e-308]", "[1.7976931348623157e308]", "[1e400]", "[-1e400]", "[0.000000000000000000000001]",
    ];
    const { handled } = expectAllAgree(edges);
    // Each alone too: a batch of one, and the single-embedding form.
    for (const text of edges) {
      expectAllAgree([text]);
      const sink = new DoubleSink(1);
      const count = new JsonDoublesKernel().readJsonDoubles(Buffer.from(text), sink);
      expectSameBits({ values: sink.values.slice(0, sink.length), counts: [count] }, viaJsonParse([text]));
    }
    // The kernel's: the first 13 but 1e23, 1.5e-22 and 1.5e-23 (exponent beyond ±22), and 999999999999999,
    // 123456789012.34, 1e-7, -1E+5, 1e+2, 1e0005. The rest (16 bytes of digits or more, or beyond ±22) are not.
    expect(handled).toBe(16);
  });

  it("hands whitespace, non-number elements and non-arrays to readJsonDoubles (NaN, as JSON.parse reads them)", () => {
    const texts = [
      " [1,2]", "[1,2] ", "[ 1,2]", "[1 ,2]", "[1, 2]", "[1,2 ]", "\n[1]\n", "[\t]", "[ ]",
      '["a",1]', "[null]", "[true,false]", "[[1],2]", '[{"a":1}]', '[1,"x,y",2]', '["é"]', '{"a":[1]}', "null", "3",
    ];
    const { handled } = expectAllAgree(texts);
    expect(handled).toBe(0);
  });

  it("keeps counts and order right in a batch mixing embeddings it reads and embeddings it hands over", () => {
    const rng = new Rng("wasm-doubles-mixed");
    const simple = () => embedding(Array.from({ length: rng.int(2, 40) }, () => String(Math.round(rng.normal(0, 1) * 1e5) / 1e5)));
    const other = [() => simple().replace(",", ", "), () => simple().replace("]", ',"x"]'), () => embedding([String(rng.normal(0, 1) / 3)]), () => "[]"];
    const texts = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? other[(i / 3) % other.length]!() : simple()));
    const { handled } = expectAllAgree(texts);
    expect(handled).toBe(200 + 25); // the simple ones and the empty arrays
  });

  it("does not let a malformed embedding in the middle of a batch shift the others", () => {
    // Text readJsonDoubles tolerates (a stray byte after the array, leading zeros) reads as it reads it there;
    // neither the kernel nor its fallback runs into the neighbours.
    const texts = ["[1,2]", "[3,4]]", "[5]", "[6,7]x", "[08,-00.50]", "[9", ",10]", "[11]"];
    const lengths = texts.map((text) => text.length);
    const kernel = new JsonDoublesKernel();
    const sink = new DoubleSink(4);
    const counts = new Int32Array(4);
    const four = [texts[0]!, texts[1]!, texts[2]!, texts[3]!];
    kernel.readJsonDoubleArrays(Buffer.from(four.join("")), lengths.slice(0, 4), sink, counts);
    expectSameBits({ values: sink.values.slice(0, sink.length), counts: Array.from(counts) }, viaReadJsonDoubles(four));
    expect(Array.from(sink.values.subarray(0, sink.length))).toEqual([1, 2, 3, 4, 5, 6, 7]);

    const lenient = viaKernel([texts[0]!, texts[4]!, texts[7]!]);
    expectSameBits(lenient, viaReadJsonDoubles([texts[0]!, texts[4]!, texts[7]!]));
    expect(Array.from(lenient.values)).toEqual([1, 2, 8, -0.5, 11]);

    // "[9" then ",10]": split wrongly, the first is not JSON, and like readJsonDoubles the batch says so.
    expect(() => readJsonDoubles(Buffer.from(texts[5]!), new DoubleSink())).toThrow(SyntaxError);
    expect(() => viaKernel(texts)).toThrow(SyntaxError);
  });

  it("appends to what the sink holds, grows its memory for a larger batch and reuses it for a smaller one", () => {
    const rng = new Rng("wasm-doubles-grow");
    const batch = (rows: number) => Array.from({ length: rows }, () => embedding(Array.from({ length: 384 }, () => String(Math.round(rng.normal(0, 1) * 1e5) / 1e5))));
    const kernel = new JsonDoublesKernel();
    const batches = [batch(2), batch(600), batch(3)];
    const sink = new DoubleSink(1);
    sink.values[0] = 42;
    sink.length = 1;
    const counts: number[] = [];
    for (const texts of batches) {
      const parts = texts.map((text) => Buffer.from(text));
      const batchCounts = new Int32Array(texts.length);
      expect(kernel.readJsonDoubleArrays(Buffer.concat(parts), parts.map((part) => part.length), sink, batchCounts)).toBe(texts.length);
      counts.push(...batchCounts);
    }
    const all = batches.flat();
    const expected = viaJsonParse(all);
    expect(sink.values[0]).toBe(42);
    expectSameBits({ values: sink.values.slice(1, sink.length), counts }, expected);
  });

  it("gives what readJsonDoubles gives (values or its error) on 5,000 random near-numbers", () => {
    const rng = new Rng("wasm-doubles-fuzz");
    const pieces = ["0", "1", "5", "9", "00", "123", "-", ".", "e", "E", "+", "e-7", "E+22", "e23", ",", " ", "[", "]", '"', "x"];
    const number = () => {
      const digits = () => String(rng.int(0, 10 ** rng.int(1, 9)));
      let text = `${rng.chance(0.3) ? "-" : ""}${digits()}${rng.chance(0.7) ? `.${digits()}` : ""}${rng.chance(0.3) ? `e${["", "+", "-"][rng.int(0, 2)]}${rng.int(0, 30)}` : ""}`;
      if (rng.chance(0.15)) {
        const at = rng.int(0, text.length);
        text = text.slice(0, at) + pieces[rng.int(0, pieces.length - 1)]! + text.slice(at + rng.int(0, 1));
      }
      return text;
    };
    const outcome = (read: () => Read) => {
      try {
        return read();
      } catch (error) {
        return error instanceof Error ? error.name : "thrown";
      }
    };
    const readable: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      const text = embedding(Array.from({ length: rng.int(1, 5) }, number));
      const expected = outcome(() => viaReadJsonDoubles([text]));
      const actual = outcome(() => viaKernel([text]));
      if (typeof expected === "string") expect(actual, text).toBe(expected);
      else {
        expect(typeof actual, text).toBe("object");
        expectSameBits(actual as Read, expected);
        readable.push(text);
      }
    }
    expect(readable.length).toBeGreaterThan(3_000);
    const batch = viaKernel(readable);
    expectSameBits(batch, viaReadJsonDoubles(readable));
    expect(batch.handled).toBeGreaterThan(1_500); // the kernel's own reading, not only its fallback
  });

  it("refuses lengths that run past the blob", () => {
    expect(() => new JsonDoublesKernel().readJsonDoubleArrays(Buffer.from("[1]"), [2, 2], new DoubleSink(), [0, 0])).toThrow(RangeError);
  });
});
