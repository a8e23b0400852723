/**
 * Reads a stored embedding (a JSON array of numbers, as UTF-8 bytes) into doubles, exactly the values
 * JSON.parse gives, without building a JavaScript array per row.
 *
 * A number whose digits make an integer m < 2^53 and whose decimal exponent e is within ±22 is m × 10^e or m / 10^-e
 * with both operands exact doubles, so one IEEE operation rounds it correctly (Clinger's fast path, as in
 * V8's own string-to-double); anything else (more digits, a far exponent) is handed to Number(), which
 * rounds correctly. A non-number element (the schema only requires an array) parses the text with JSON.parse
 * and becomes NaN.
 */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

// Digits accumulate exactly while the mantissa stays below 2^53 (it only grows, so checking the end suffices).
// Not "at most": 9007199254740993 accumulates to 2^53 by rounding, and 0.9007199254740993 must not take the fast path.
const MAX_EXACT = 2 ** 53;
const ZERO = 0x30;
const NINE = 0x39;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const COMMA = 0x2c;
const CLOSE = 0x5d;
const OPEN = 0x5b;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

export class DoubleSink {
  values: Float64Array;
  length = 0;

  constructor(capacity = 4096) {
    this.values = new Float64Array(capacity);
  }

  reserve(more: number): void {
    if (this.length + more <= this.values.length) return;
    const grown = new Float64Array(Math.max(this.length + more, this.values.length * 2, 1024));
    grown.set(this.values.subarray(0, this.length));
    this.values = grown;
  }

  /** The doubles written so far as little-endian bytes (a view, valid until the next write). */
  bytes(): Uint8Array {
    return new Uint8Array(this.values.buffer, 0, this.length * 8);
  }
}

/** Appends the array's elements to `out` and returns how many there were. */
export function readJsonDoubles(bytes: Uint8Array, out: DoubleSink): number {
  let values = out.values;
  const start = out.length;
  let at = out.length;
  let i = 0;
  const n = bytes.length;
  while (i < n && isSpace(bytes[i]!)) i++;
  if (bytes[i] !== OPEN) return fallback(bytes, out, start);
  i++;
  for (;;) {
    while (i < n && isSpace(bytes[i]!)) i++;
    if (bytes[i] === CLOSE && at === start) break;
    const from = i;
    let negative = false;
    if (bytes[i] === MINUS) {
      negative = true;
      i++;
    }
    let mantissa = 0;
    let exponent = 0;
    let c = bytes[i]!;
    if (!(c >= ZERO && c <= NINE)) return fallback(bytes, out, start);
    for (; c >= ZERO && c <= NINE; c = bytes[++i]!) mantissa = mantissa * 10 + (c - ZERO);
    if (c === DOT) {
      const fraction = ++i;
      c = bytes[i]!;
      if (!(c >= ZERO && c <= NINE)) return fallback(bytes, out, start);
      for (; c >= ZERO && c <= NINE; c = bytes[++i]!) mantissa = mantissa * 10 + (c - ZERO);
      exponent = fraction - i;
    }
    if (c === 0x65 || c === 0x45) {
      c = bytes[++i]!;
      let exponentNegative = false;
      if (c === MINUS || c === PLUS) {
        exponentNegative = c === MINUS;
        c = bytes[++i]!;
      }
      if (!(c >= ZERO && c <= NINE)) return fallback(bytes, out, start);
      let written = 0;
      for (; c >= ZERO && c <= NINE; c = bytes[++i]!) written = Math.min(written * 10 + (c - ZERO), 1e6);
      exponent += exponentNegative ? -written : written;
    }
    let value: number;
    if (mantissa < MAX_EXACT && exponent >= -22 && exponent <= 22) value = exponent < 0 ? mantissa / POWERS_OF_TEN[-exponent]! : mantissa * POWERS_OF_TEN[exponent]!;
    else value = Number(Buffer.from(bytes.buffer, bytes.byteOffset + from + (negative ? 1 : 0), i - from - (negative ? 1 : 0)).toString("latin1"));
    if (at === values.length) {
      out.length = at;
      out.reserve(1);
      values = out.values;
    }
    values[at++] = negative ? -value : value;
    while (i < n && isSpace(bytes[i]!)) i++;
    if (bytes[i] === COMMA) {
      i++;
      continue;
    }
    if (bytes[i] === CLOSE) break;
    return fallback(bytes, out, start);
  }
  out.length = at;
  return at - start;
}

function fallback(bytes: Uint8Array, out: DoubleSink, start: number): number {
  const parsed: unknown = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
  const elements = Array.isArray(parsed) ? parsed : [];
  out.length = start;
  out.reserve(elements.length);
  for (const element of elements) out.values[out.length++] = typeof element === "number" ? element : NaN;
  return elements.length;
}
