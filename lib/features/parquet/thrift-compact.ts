import { ByteSink } from "../byte-sink";

/**
 * Thrift's compact protocol, write side, for the structs of Parquet's file metadata and page headers
 * (https://github.com/apache/thrift/blob/master/doc/specs/thrift-compact-protocol.md).
 */
export const enum CompactType {
  I32 = 5,
  I64 = 6,
  Binary = 8,
  List = 9,
  Struct = 12,
}

export class ThriftWriter {
  readonly sink: ByteSink;
  private lastField = 0;
  private readonly enclosing: number[] = [];

  constructor(sink = new ByteSink(256)) {
    this.sink = sink;
  }

  private field(id: number, type: CompactType): void {
    const delta = id - this.lastField;
    if (delta > 0 && delta <= 15) this.sink.byte((delta << 4) | type);
    else {
      this.sink.byte(type);
      this.sink.varint(zigzag(id));
    }
    this.lastField = id;
  }

  i32(id: number, value: number): this {
    this.field(id, CompactType.I32);
    this.sink.varint(zigzag(value));
    return this;
  }

  i64(id: number, value: number): this {
    this.field(id, CompactType.I64);
    this.sink.varint(zigzag(value));
    return this;
  }

  string(id: number, value: string): this {
    this.field(id, CompactType.Binary);
    const bytes = Buffer.from(value, "utf8");
    this.sink.varint(bytes.byteLength);
    this.sink.append(bytes);
    return this;
  }

  /** A list field's header; its elements follow (structs by beginElement/end, scalars by the element writers). */
  list(id: number, elementType: CompactType, size: number): this {
    this.field(id, CompactType.List);
    this.listHeader(elementType, size);
    return this;
  }

  listHeader(elementType: CompactType, size: number): this {
    if (size < 15) this.sink.byte((size << 4) | elementType);
    else {
      this.sink.byte(0xf0 | elementType);
      this.sink.varint(size);
    }
    return this;
  }

  i32Element(value: number): this {
    this.sink.varint(zigzag(value));
    return this;
  }

  stringElement(value: string): this {
    const bytes = Buffer.from(value, "utf8");
    this.sink.varint(bytes.byteLength);
    this.sink.append(bytes);
    return this;
  }

  /** Opens a struct field (`id`) or, without one, a struct element of a list. */
  begin(id?: number): this {
    if (id !== undefined) this.field(id, CompactType.Struct);
    this.enclosing.push(this.lastField);
    this.lastField = 0;
    return this;
  }

  end(): this {
    this.sink.byte(0);
    this.lastField = this.enclosing.pop() ?? 0;
    return this;
  }
}

/** Zigzag of an integer below 2^52 in magnitude, as a non-negative number. */
const zigzag = (n: number) => (n >= 0 ? n * 2 : -n * 2 - 1);
