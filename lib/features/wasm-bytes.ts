/**
 * Helpers for hand-assembling small WebAssembly modules (there is no compiler on the build machines): LEB128
 * integers, names, sections and the local-variable instructions. Opcodes are named where a kernel uses them.
 */

export const uleb = (n: number): number[] => {
  const bytes: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (n !== 0);
  return bytes;
};

/** Signed LEB128, what i32.const and i64.const take (a plain uleb byte of 64 or more would read as negative). */
export const sleb = (value: number | bigint): number[] => {
  let n = BigInt(value);
  const bytes: number[] = [];
  for (;;) {
    const byte = Number(n & 0x7fn);
    n >>= 7n;
    if ((n === 0n && (byte & 0x40) === 0) || (n === -1n && (byte & 0x40) !== 0)) return [...bytes, byte];
    bytes.push(byte | 0x80);
  }
};

export const name = (text: string) => [...uleb(text.length), ...Array.from(text, (c) => c.charCodeAt(0))];
export const section = (id: number, bytes: number[]) => [id, ...uleb(bytes.length), ...bytes];
export const get = (local: number) => [0x20, local];
export const set = (local: number) => [0x21, local];
export const tee = (local: number) => [0x22, local];

const I32 = 0x7f;

/**
 * A module with one exported function (i32 parameters and results; `code` is its locals and body) over a memory it
 * imports as m.memory.
 */
export const oneFunctionModule = (exported: string, params: number, results: number, code: number[]) =>
  new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, params, ...new Array<number>(params).fill(I32), results, ...new Array<number>(results).fill(I32)]),
    ...section(2, [1, ...name("m"), ...name("memory"), 0x02, 0x00, 1]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...name(exported), 0x00, 0]),
    ...section(10, [1, ...uleb(code.length), ...code]),
  ]);
