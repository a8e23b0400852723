/**
 * The first pass of the similar-query search: the integer dot product of one int16 query with every int8 row,
 * as a tiny hand-assembled WebAssembly module using 128-bit SIMD (i32x4.dot_i16x8_s, in Node since v16.4).
 * JavaScript has no SIMD, so a scalar JS loop over 200K × 384 values is compute-bound (~60–75 ms whatever the
 * element type, measured); this kernel reads the 77 MB int8 copy in ~4 ms. Integer arithmetic is exact, so
 * `int8DotsReference` (plain JS) gives the same numbers and the tests compare the two.
 *
 * Memory layout (one WebAssembly.Memory per kernel, never grown, so the views stay valid):
 * rows (size × stride int8) | query (stride int16) | dots (size int32); stride = dim rounded up to 16, zero-padded.
 */

import { get, oneFunctionModule, set, tee, uleb } from "./wasm-bytes";

const simd = (opcode: number) => [0xfd, ...uleb(opcode)];
const v128Load = (offset: number) => [...simd(0x00), 0, ...uleb(offset)];
const I32_ADD = 0x6a;
const I32_SUB = 0x6b;
const I32_LT_U = 0x49;
const I32_CONST = 0x41;
const BR_IF = 0x0d;
const END = 0x0b;

// dots(n, stride, rows, query, out): for each of n rows, out[i] = Σ rows[i][j] × query[j] (int32).
// Locals: 0 n, 1 stride, 2 row pointer, 3 query, 4 out pointer, 5 p, 6 qp, 7 row end (i32); 8 acc, 9 x (v128).
const DOTS_BODY = [
  0x02, 0x40, ...get(0), 0x45, BR_IF, 0, // block; if n == 0 leave
  0x03, 0x40, // loop over rows
  ...simd(0x0c), ...new Array<number>(16).fill(0), ...set(8), // acc = 0
  ...get(2), ...set(5), ...get(3), ...set(6), ...get(2), ...get(1), I32_ADD, ...set(7),
  0x03, 0x40, // loop over 16-byte chunks of the row
  ...get(5), ...v128Load(0), ...set(9),
  ...get(8),
  ...get(9), ...simd(0x87), ...get(6), ...v128Load(0), ...simd(0xba), ...simd(0xae), // acc += dot(extend_low(x), q[0..8])
  ...get(9), ...simd(0x88), ...get(6), ...v128Load(16), ...simd(0xba), ...simd(0xae), // acc += dot(extend_high(x), q[8..16])
  ...set(8),
  ...get(5), I32_CONST, 16, I32_ADD, ...tee(5),
  ...get(6), I32_CONST, 32, I32_ADD, ...set(6),
  ...get(7), I32_LT_U, BR_IF, 0,
  END,
  ...get(4), // out[i] = the four lanes' sum
  ...get(8), ...simd(0x1b), 0, ...get(8), ...simd(0x1b), 1, I32_ADD, ...get(8), ...simd(0x1b), 2, I32_ADD, ...get(8), ...simd(0x1b), 3, I32_ADD,
  0x36, 2, 0, // i32.store
  ...get(4), I32_CONST, 4, I32_ADD, ...set(4),
  ...get(7), ...set(2),
  ...get(0), I32_CONST, 1, I32_SUB, ...tee(0), BR_IF, 0,
  END,
  END,
  END,
];
const FUNCTION = [2, 3, 0x7f, 2, 0x7b, ...DOTS_BODY];

const MODULE_BYTES = oneFunctionModule("dots", 5, 0, FUNCTION);

let compiled: WebAssembly.Module | undefined;

const PAGE = 65_536;

/** The int8 rows, the int16 query and the int32 results of one index, in WebAssembly memory. */
export class Int8DotKernel {
  readonly stride: number;
  /** size × stride; write row i at i × stride (the padding stays zero). */
  readonly rows: Int8Array;
  /** stride values; the padding must stay zero. */
  readonly query: Int16Array;
  /** The result of `run()`: dots[i] = row i · query. */
  readonly dots: Int32Array;
  private readonly run_: (n: number, stride: number, rows: number, query: number, out: number) => void;
  private readonly queryOffset: number;
  private readonly dotsOffset: number;

  constructor(
    readonly size: number,
    readonly dim: number,
  ) {
    this.stride = Math.max(16, Math.ceil(dim / 16) * 16);
    this.queryOffset = size * this.stride;
    this.dotsOffset = this.queryOffset + this.stride * 2;
    const bytes = this.dotsOffset + size * 4;
    const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) });
    compiled ??= new WebAssembly.Module(MODULE_BYTES);
    const instance = new WebAssembly.Instance(compiled, { m: { memory } });
    this.run_ = instance.exports.dots as Int8DotKernel["run_"];
    this.rows = new Int8Array(memory.buffer, 0, size * this.stride);
    this.query = new Int16Array(memory.buffer, this.queryOffset, this.stride);
    this.dots = new Int32Array(memory.buffer, this.dotsOffset, size);
  }

  run(): Int32Array {
    this.run_(this.size, this.stride, 0, this.queryOffset, this.dotsOffset);
    return this.dots;
  }
}

/** The same products in plain JavaScript, for the tests. */
export function int8DotsReference(kernel: Int8DotKernel): Int32Array {
  const out = new Int32Array(kernel.size);
  for (let i = 0; i < kernel.size; i++) {
    let sum = 0;
    for (let j = 0; j < kernel.stride; j++) sum += (kernel.rows[i * kernel.stride + j] as number) * (kernel.query[j] as number);
    out[i] = sum;
  }
  return out;
}
