import type { ByteSink } from "../byte-sink";

/**
 * Definition or repetition levels as runs, written in the RLE half of Parquet's RLE/bit-packing hybrid with a
 * 4-byte length prefix (data page v1). An export's levels are long runs (a whole column present, one list of 384
 * elements), so RLE alone is compact; a column with scattered nulls costs 2 bytes per run.
 */
export class LevelRuns {
  private readonly values: number[] = [];
  private readonly counts: number[] = [];
  total = 0;

  push(value: number, count = 1): void {
    if (count === 0) return;
    this.total += count;
    const last = this.values.length - 1;
    if (last >= 0 && this.values[last] === value) this.counts[last]! += count;
    else {
      this.values.push(value);
      this.counts.push(count);
    }
  }

  /** Writes the length-prefixed runs; every level here fits in one byte (bit width ≤ 8). */
  writeTo(sink: ByteSink): void {
    const lengthAt = sink.length;
    sink.uint32(0);
    for (let i = 0; i < this.values.length; i++) {
      sink.varint(this.counts[i]! * 2);
      sink.byte(this.values[i]!);
    }
    sink.view.setUint32(lengthAt, sink.length - lengthAt - 4, true);
  }

  clear(): void {
    this.values.length = 0;
    this.counts.length = 0;
    this.total = 0;
  }
}
