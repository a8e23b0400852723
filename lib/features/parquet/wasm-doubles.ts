/**
 * The Parquet export's embedding reader in WebAssembly: many embeddings' JSON texts (one batch blob) to doubles,
 * exactly the values `readJsonDoubles` gives (JSON.parse's, for valid JSON), several times faster.
 *
 * The kernel takes an embedding only in the form JSON.stringify writes: `[n,n,...,n]` or `[]` spanning exactly its
 * bytes, no whitespace, each number JSON's `-?digits(.digits)?([eE][+-]?digits)?` with at most 15 digits, all
 * within 16 bytes before any exponent (so the integer m they make is exact), and a decimal exponent e within ±22:
 * m × 10^e or m / 10^-e is then one correctly rounded IEEE operation on two exact doubles (Clinger's fast path,
 * as `readJsonDoubles` uses too). Anything else (whitespace, a non-number element, more digits, a far exponent,
 * malformed text) makes the kernel answer -1 for that embedding, and the JavaScript side reads that one embedding
 * with `readJsonDoubles`. Measured on 10,000 × 384 embeddings (32 MB): ~32 ms CPU against ~85–120 ms.
 *
 * Memory layout (one WebAssembly.Memory per kernel, grown when a batch needs more; the views are rebuilt then):
 * 10^0..10^22 and -10^0..-10^22 (f64) | constant vectors | the batch's bytes | its doubles, then 16 bytes (a
 * 16-byte load at a number near the end reads past it).
 */

import { get, oneFunctionModule, set, sleb, tee, uleb } from "../wasm-bytes";
import { DoubleSink, readJsonDoubles } from "./json-doubles";

const I32_CONST = 0x41;
const I64_CONST = 0x42;
const I32_LOAD8_U = [0x2d, 0, 0];
const F64_LOAD = [0x2b, 3, 0];
const F64_STORE = [0x39, 3, 0];
const I32_EQZ = 0x45;
const I32_EQ = 0x46;
const I32_NE = 0x47;
const I32_LT_S = 0x48;
const I32_LT_U = 0x49;
const I32_GT_U = 0x4b;
const I32_LE_U = 0x4d;
const I32_GE_U = 0x4f;
const I32_ADD = 0x6a;
const I32_SUB = 0x6b;
const I32_MUL = 0x6c;
const I32_AND = 0x71;
const I32_OR = 0x72;
const I32_XOR = 0x73;
const I32_CTZ = 0x68;
const I32_SHL = 0x74;
const I32_SHR_U = 0x76;
const I64_ADD = 0x7c;
const I64_MUL = 0x7e;
const F64_NEG = 0x9a;
const F64_MUL = 0xa2;
const F64_DIV = 0xa3;
const I64_EXTEND_I32_U = 0xad;
const F64_CONVERT_I64_S = 0xb9;
const SELECT = 0x1b;
const BLOCK = 0x02;
const LOOP = 0x03;
const IF = 0x04;
const ELSE = 0x05;
const END = 0x0b;
const BR = 0x0c;
const BR_IF = 0x0d;
const RETURN = 0x0f;
const VOID = 0x40;
const F64 = 0x7c;

const i32 = (n: number) => [I32_CONST, ...sleb(n)];
const char = (c: string) => i32(c.charCodeAt(0));

const simd = (opcode: number) => [0xfd, ...uleb(opcode)];
const V128_LOAD = [...simd(0x00), 0, 0];
const I8X16_SWIZZLE = simd(0x0e);
const I8X16_SPLAT = simd(0x0f);
const i8x16ExtractLaneU = (lane: number) => [...simd(0x16), lane];
const i32x4ExtractLane = (lane: number) => [...simd(0x1b), lane];
const I8X16_EQ = simd(0x23);
const I8X16_LE_S = simd(0x29);
const I8X16_GE_U = simd(0x2c);
const I8X16_BITMASK = simd(0x64);
const I8X16_ADD = simd(0x6e);
const I8X16_SUB = simd(0x71);
const I16X8_NARROW_I32X4_U = simd(0x86);
const I16X8_SHR_U = simd(0x8d);
const I16X8_MUL = simd(0x95);
const I32X4_DOT_I16X8_S = simd(0xba);
const splat8 = (n: number) => [...i32(n), ...I8X16_SPLAT];

// parse(p, end, out): the doubles of the embedding in bytes [p, end) stored from `out`; returns how many, or -1.
// Locals: 0 p, 1 end (then the closing bracket), 2 out, 3 out start, 4 c (current byte), 5 negative, 6 digit,
// 7 digits start, 8 decimal exponent, 9 written exponent, 10 exponent negative, 11 integer digits, 12 non-digit
// bits, 13 last digit's position, 14 dot position (i32); 15 value (f64); 16 digits, 17 lane indices (v128);
// 18 the number's comma, 19 chunk, 20 comma bits, 21 number start, 22 chunk limit, 23 length, 24 length bits,
// 25 dot bits (i32); 26–33 the constant vectors (v128).
const [P, END_, OUT, OUT_START, C, NEGATIVE, DIGIT, START, EXPONENT, WRITTEN, WRITTEN_NEGATIVE, INTEGER_DIGITS, NON_DIGITS, LAST, DOT, VALUE, DIGITS, INDICES] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
];

const failIf = (...condition: number[]) => [...condition, IF, VOID, ...i32(-1), RETURN, END];
/** c = the byte at ++p. */
const next = [...get(P), ...i32(1), I32_ADD, ...tee(P), ...I32_LOAD8_U, ...set(C)];
/** digit = c - '0', left on the stack as "is a digit" (unsigned digit < 10). */
const digitTest = [...get(C), ...char("0"), I32_SUB, ...tee(DIGIT), ...i32(10), I32_LT_U];
const writtenStep = [...get(WRITTEN), ...i32(10), I32_MUL, ...get(DIGIT), I32_ADD, ...set(WRITTEN)];

const [COMMA_, CHUNK, COMMAS, NUMBER_START, LIMIT] = [18, 19, 20, 21, 22];
const [LENGTH, IN_LENGTH, DOTS] = [23, 24, 25];
// Constant vectors, set once: '0' in each lane, 10 in each lane, '.' - '0' in each lane, 0..15, ',', and the
// weights that fold digits into pairs, fours and eights.
const [ZEROS, TENS, DOT_DIGITS, LANES, COMMA_LANES, PAIR_WEIGHTS, FOUR_WEIGHTS, EIGHT_WEIGHTS] = [26, 27, 28, 29, 30, 31, 32, 33];
const bytes16 = (byte: number) => new Uint8Array(16).fill(byte);
const lanes16 = (lanes: number[]) => new Uint8Array(Int16Array.from(lanes).buffer);
const VECTORS = [
  bytes16(0x30), bytes16(10), bytes16(0x2e - 0x30), Uint8Array.from({ length: 16 }, (_, i) => i), bytes16(0x2c),
  lanes16(Array<number>(8).fill(2561)), lanes16([100, 1, 100, 1, 100, 1, 100, 1]), lanes16([10_000, 1, 10_000, 1, 10_000, 1, 10_000, 1]),
];
const VECTORS_AT = 46 * 8;

/**
 * The digits of a number (DIGITS holds its 16-byte window minus '0') moved to the end of the vector, the dot left
 * out, zeros before them: lane j takes byte last - 15 + j, one byte earlier at or before the dot (a dot position
 * of -100 for none); a negative index reads as 0.
 */
const rightAlignDigits = (last: number[], dot: number[]) => [
  ...get(DIGITS), ...get(LANES), ...last, ...i32(15), I32_SUB, ...I8X16_SPLAT, ...I8X16_ADD, ...tee(INDICES),
  ...get(INDICES), ...dot, ...I8X16_SPLAT, ...I8X16_LE_S, ...I8X16_ADD,
  ...I8X16_SWIZZLE, ...set(DIGITS),
];
/** Up to 15 right-aligned digits to their value as a double (exact: below 2^53). */
const foldDigits = [
  // Pairs (each 16-bit lane d0 + 256 d1 times 2561, shifted right by 8, is 10 d0 + d1), fours, then the two eights.
  ...get(DIGITS), ...get(PAIR_WEIGHTS), ...I16X8_MUL, ...i32(8), ...I16X8_SHR_U, ...get(FOUR_WEIGHTS), ...I32X4_DOT_I16X8_S,
  ...tee(INDICES), ...get(INDICES), ...I16X8_NARROW_I32X4_U, ...get(EIGHT_WEIGHTS), ...I32X4_DOT_I16X8_S, ...tee(DIGITS),
  ...i32x4ExtractLane(0), I64_EXTEND_I32_U, I64_CONST, ...sleb(100_000_000), I64_MUL,
  ...get(DIGITS), ...i32x4ExtractLane(1), I64_EXTEND_I32_U, I64_ADD, F64_CONVERT_I64_S,
];

/**
 * The general parse of one strict JSON number from p, exponent included, leaving p at the byte after it. The
 * digits come from one 16-byte window at the first digit: a bitmask of its non-digit bytes gives the integer and
 * fraction lengths. The integer part, dot, fraction and the byte after them must fit in the window, so there are
 * at most 15 digits and the mantissa is below 10^15 < 2^53: exact. A longer number sends the embedding to the
 * fallback.
 */
const NUMBER = [
  // An optional minus.
  ...get(P), ...I32_LOAD8_U, ...char("-"), I32_EQ, ...tee(NEGATIVE), ...get(P), I32_ADD, ...set(P),
  ...get(P), ...V128_LOAD, ...splat8(0x30), ...I8X16_SUB, ...tee(DIGITS),
  ...splat8(10), ...I8X16_GE_U, ...I8X16_BITMASK, ...i32(0x10000), I32_OR, ...tee(NON_DIGITS), I32_CTZ, ...tee(INTEGER_DIGITS),
  // 1 to 15 integer digits, and no leading zero (JSON allows 0 alone only).
  ...failIf(...i32(1), I32_SUB, ...i32(15), I32_GE_U),
  ...failIf(...get(DIGITS), ...i8x16ExtractLaneU(0), I32_EQZ, ...get(INTEGER_DIGITS), ...i32(1), I32_NE, I32_AND),
  ...get(P), ...get(INTEGER_DIGITS), I32_ADD, ...I32_LOAD8_U, ...char("."), I32_EQ, IF, VOID,
  // The fraction: at least one digit, each lowering the decimal exponent by one, and the next byte in the window.
  ...get(NON_DIGITS), ...get(INTEGER_DIGITS), ...i32(1), I32_ADD, I32_SHR_U, I32_CTZ, ...tee(EXPONENT),
  ...failIf(I32_EQZ),
  ...failIf(...get(INTEGER_DIGITS), ...get(EXPONENT), I32_ADD, ...tee(LAST), ...i32(15), I32_GE_U),
  ...i32(0), ...get(EXPONENT), I32_SUB, ...set(EXPONENT),
  ...get(INTEGER_DIGITS), ...set(DOT),
  ELSE,
  ...get(INTEGER_DIGITS), ...i32(1), I32_SUB, ...set(LAST),
  ...i32(0), ...set(EXPONENT),
  ...i32(-100), ...set(DOT),
  END,
  ...rightAlignDigits([...get(LAST)], [...get(DOT)]), ...foldDigits, ...set(VALUE),
  ...get(P), ...get(LAST), I32_ADD, ...i32(1), I32_ADD, ...tee(P), ...I32_LOAD8_U, ...set(C),
  // The exponent: e or E, an optional sign, at most 4 digits (more could overflow; such a number goes to the fallback).
  ...get(C), ...i32(0x20), I32_OR, ...char("e"), I32_EQ, IF, VOID,
  ...next,
  ...get(C), ...char("-"), I32_EQ, ...tee(WRITTEN_NEGATIVE), ...get(C), ...char("+"), I32_EQ, I32_OR, ...get(P), I32_ADD, ...tee(P), ...I32_LOAD8_U, ...set(C),
  ...get(P), ...set(START), ...i32(0), ...set(WRITTEN),
  ...failIf(...digitTest, I32_EQZ),
  LOOP, VOID, ...writtenStep, ...next, ...digitTest, BR_IF, 0, END,
  ...failIf(...get(P), ...get(START), I32_SUB, ...i32(4), I32_GT_U),
  ...get(EXPONENT), ...i32(0), ...get(WRITTEN), I32_SUB, ...get(WRITTEN), ...get(WRITTEN_NEGATIVE), SELECT, I32_ADD, ...set(EXPONENT),
  END,
  // Clinger's fast path: the exponent within ±22, so one operation on two exact doubles rounds correctly.
  ...failIf(...get(EXPONENT), ...i32(22), I32_ADD, ...i32(44), I32_GT_U),
  ...get(OUT),
  ...get(EXPONENT), ...i32(0), I32_LT_S, IF, F64,
  ...get(VALUE), ...i32(0), ...get(EXPONENT), I32_SUB, ...i32(3), I32_SHL, ...F64_LOAD, F64_DIV,
  ELSE,
  ...get(VALUE), ...get(EXPONENT), ...i32(3), I32_SHL, ...F64_LOAD, F64_MUL,
  END,
  ...tee(VALUE), F64_NEG, ...get(VALUE), ...get(NEGATIVE), SELECT,
  ...F64_STORE,
  ...get(OUT), ...i32(8), I32_ADD, ...set(OUT),
];

/**
 * The number between NUMBER_START and COMMA_ (a comma, or the closing bracket). Most are in the simple form
 * -?digits(.digits)? within 15 bytes, known from its length and two bitmasks (non-digits, dots) of one 16-byte
 * window, without a loop or a data-dependent branch: a swizzle moves the digits (without the dot) to the end of
 * a vector, zeros before them, and SIMD multiplies and dot products fold them. At most 15 digits after the sign,
 * so the mantissa is below 10^15 < 2^53, exact, and divided by 10^(fraction digits) it is Clinger's fast path.
 * Any other number (an exponent, malformed text) takes the general parse, which must end at COMMA_.
 */
const NUMBER_TO_COMMA = [
  ...get(NUMBER_START), ...tee(P), ...I32_LOAD8_U, ...char("-"), I32_EQ, ...tee(NEGATIVE), ...get(P), I32_ADD, ...tee(P),
  ...V128_LOAD, ...get(ZEROS), ...I8X16_SUB, ...tee(DIGITS),
  ...get(TENS), ...I8X16_GE_U, ...I8X16_BITMASK, ...set(NON_DIGITS),
  ...get(DIGITS), ...get(DOT_DIGITS), ...I8X16_EQ, ...I8X16_BITMASK,
  ...i32(1), ...get(COMMA_), ...get(P), I32_SUB, ...tee(LENGTH), I32_SHL, ...i32(1), I32_SUB, ...tee(IN_LENGTH), I32_AND, ...set(DOTS),
  // 1 to 15 bytes; every non-digit a dot; at most one dot, neither first nor last. (Leading zeros pass, as they
  // do in readJsonDoubles: "007" is 7 there too.)
  ...get(NON_DIGITS), ...get(IN_LENGTH), I32_AND, ...get(DOTS), I32_XOR,
  ...get(DOTS), ...get(DOTS), ...i32(1), I32_SUB, ...i32(1), I32_OR, I32_AND, I32_OR, I32_EQZ,
  ...get(DOTS), ...get(IN_LENGTH), ...i32(1), I32_SHR_U, I32_LE_U, I32_AND,
  ...get(LENGTH), ...i32(1), I32_SUB, ...i32(15), I32_LT_U, I32_AND,
  IF, VOID,
  ...rightAlignDigits([...get(LENGTH), ...i32(1), I32_SUB], [...get(DOTS), I32_CTZ, ...tee(INTEGER_DIGITS), ...i32(-100), ...get(DOTS), SELECT]),
  ...get(OUT),
  ...foldDigits,
  // Divided by ±10^(fraction digits) (the sign's own table; -0 too): length - 1 - integer digits with a dot, 0 without.
  ...get(LENGTH), ...i32(1), I32_SUB, ...get(INTEGER_DIGITS), I32_SUB, ...i32(0), ...get(DOTS), SELECT,
  ...get(NEGATIVE), ...i32(23), I32_MUL, I32_ADD, ...i32(3), I32_SHL, ...F64_LOAD, F64_DIV,
  ...F64_STORE,
  ...get(OUT), ...i32(8), I32_ADD, ...set(OUT),
  ELSE,
  ...get(NUMBER_START), ...set(P), ...NUMBER, ...failIf(...get(P), ...get(COMMA_), I32_NE),
  END,
];

// The numbers' ends come from a separate scan for commas (16 bytes at a time), so each number's parse depends on
// no other: the processor overlaps consecutive numbers instead of waiting for one parse to find the next start.
const PARSE_BODY = [
  // Loaded from memory rather than written as constants, which the compiler would rebuild for every number.
  ...VECTORS.flatMap((_, i) => [...i32(VECTORS_AT + 16 * i), ...V128_LOAD, ...set(ZEROS + i)]),
  ...get(OUT), ...set(OUT_START),
  ...failIf(...get(END_), ...get(P), I32_SUB, ...i32(2), I32_LT_S),
  ...failIf(...get(P), ...I32_LOAD8_U, ...char("["), I32_NE),
  ...get(END_), ...i32(1), I32_SUB, ...tee(END_), ...I32_LOAD8_U, ...char("]"), I32_NE, IF, VOID, ...i32(-1), RETURN, END,
  // [] is the one array without a number; from here on END_ is the closing bracket.
  ...get(P), ...i32(1), I32_ADD, ...tee(NUMBER_START), ...tee(CHUNK), ...get(END_), I32_EQ, IF, VOID, ...i32(0), RETURN, END,
  LOOP, VOID,
  // The commas in this chunk before the closing bracket, and the closing bracket (each ends a number).
  ...get(CHUNK), ...V128_LOAD, ...get(COMMA_LANES), ...I8X16_EQ, ...I8X16_BITMASK,
  ...i32(1), ...get(END_), ...get(CHUNK), I32_SUB, ...tee(LIMIT), ...i32(16), ...get(LIMIT), ...i32(16), I32_LT_U, SELECT, I32_SHL, ...tee(LIMIT),
  ...i32(1), I32_SUB, I32_AND, ...get(LIMIT), ...i32(0xffff), I32_AND, I32_OR,
  ...set(COMMAS),
  BLOCK, VOID, LOOP, VOID,
  ...get(COMMAS), I32_EQZ, BR_IF, 1,
  ...get(CHUNK), ...get(COMMAS), I32_CTZ, I32_ADD, ...set(COMMA_),
  ...NUMBER_TO_COMMA,
  ...get(COMMA_), ...i32(1), I32_ADD, ...set(NUMBER_START),
  ...get(COMMAS), ...get(COMMAS), ...i32(1), I32_SUB, I32_AND, ...set(COMMAS),
  BR, 0,
  END, END,
  ...get(CHUNK), ...i32(16), I32_ADD, ...tee(CHUNK), ...get(END_), I32_LE_U, BR_IF, 0,
  END,
  ...get(OUT), ...get(OUT_START), I32_SUB, ...i32(3), I32_SHR_U,
  END,
];
const FUNCTION = [5, 12, 0x7f, 1, 0x7c, 2, 0x7b, 8, 0x7f, 8, 0x7b, ...PARSE_BODY];

const MODULE_BYTES = oneFunctionModule("parse", 3, 1, FUNCTION);

let compiled: WebAssembly.Module | undefined;

const PAGE = 65_536;
const BLOB = VECTORS_AT + VECTORS.length * 16;

/** Reads batches of JSON embeddings into doubles; one per export (it keeps its memory between batches). */
export class JsonDoublesKernel {
  private readonly memory: WebAssembly.Memory;
  private readonly parse: (p: number, end: number, out: number) => number;
  private bytes: Uint8Array;
  private doubles: Float64Array;

  constructor() {
    this.memory = new WebAssembly.Memory({ initial: 1 });
    compiled ??= new WebAssembly.Module(MODULE_BYTES);
    const instance = new WebAssembly.Instance(compiled, { m: { memory: this.memory } });
    this.parse = instance.exports.parse as JsonDoublesKernel["parse"];
    this.bytes = new Uint8Array(this.memory.buffer);
    this.doubles = new Float64Array(this.memory.buffer);
    for (let i = 0; i <= 22; i++) {
      this.doubles[i] = Number(`1e${i}`);
      this.doubles[23 + i] = -Number(`1e${i}`);
    }
    VECTORS.forEach((vector, i) => this.bytes.set(vector, VECTORS_AT + 16 * i));
  }

  /**
   * Appends the doubles of each embedding in `blob` (their JSON texts one after another, `lengths[i]` bytes each)
   * to `out` and sets counts[i] to embedding i's element count: what `readJsonDoubles` gives for each in turn.
   * Returns how many embeddings the kernel read itself (the others went to `readJsonDoubles`).
   */
  readJsonDoubleArrays(blob: Uint8Array, lengths: ArrayLike<number>, out: DoubleSink, counts: Int32Array | number[]): number {
    let total = 0;
    for (let i = 0; i < lengths.length; i++) total += lengths[i]!;
    if (total > blob.length) throw new RangeError(`The embeddings' lengths add up to ${total} bytes but the blob has ${blob.length}.`);
    // An embedding of n numbers takes at least 2n + 1 bytes, so total / 2 doubles hold them all.
    const outStart = Math.ceil((BLOB + total) / 8) * 8;
    this.ensure(outStart + Math.ceil(total / 2) * 8 + 16);
    this.bytes.set(blob.subarray(0, total), BLOB);
    let p = BLOB;
    let o = outStart;
    let run = outStart;
    let handled = 0;
    const flush = () => {
      const n = (o - run) / 8;
      out.reserve(n);
      out.values.set(this.doubles.subarray(run / 8, o / 8), out.length);
      out.length += n;
    };
    for (let i = 0; i < lengths.length; i++) {
      const length = lengths[i]!;
      const count = this.parse(p, p + length, o);
      if (count >= 0) {
        o += count * 8;
        counts[i] = count;
        handled++;
      } else {
        flush();
        run = o;
        counts[i] = readJsonDoubles(blob.subarray(p - BLOB, p - BLOB + length), out);
      }
      p += length;
    }
    flush();
    return handled;
  }

  /** One embedding, like `readJsonDoubles(bytes, out)`. */
  readJsonDoubles(bytes: Uint8Array, out: DoubleSink): number {
    const counts = [0];
    this.readJsonDoubleArrays(bytes, [bytes.length], out, counts);
    return counts[0]!;
  }

  private ensure(bytes: number): void {
    const pages = Math.ceil(bytes / PAGE) - this.memory.buffer.byteLength / PAGE;
    if (pages <= 0) return;
    this.memory.grow(pages);
    this.bytes = new Uint8Array(this.memory.buffer);
    this.doubles = new Float64Array(this.memory.buffer);
  }
}

// One kernel for the process: a call reads a whole batch synchronously, so interleaved users (exports, index
// builds) never share its memory mid-call, and its memory (about five times the largest batch) is allocated and
// faulted in once instead of per use (measured: a fresh 40 MB per export cost more CPU than the parse).
let shared: JsonDoublesKernel | undefined;

export function sharedJsonDoublesKernel(): JsonDoublesKernel {
  return (shared ??= new JsonDoublesKernel());
}
