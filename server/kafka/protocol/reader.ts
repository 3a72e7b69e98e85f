import 'server-only';

/**
 * A cursor over a Kafka protocol buffer. Numbers stay JavaScript numbers (offsets and timestamps
 * are far below 2^53), so reading a record costs no Long or BigInt objects; bytes are views into
 * the buffer, never copies.
 */
export class Reader {
  constructor(
    readonly buffer: Buffer,
    public pos = 0,
  ) {}

  get remaining(): number {
    return this.buffer.length - this.pos;
  }

  int8(): number {
    return this.buffer.readInt8(this.pos++);
  }

  int16(): number {
    const value = this.buffer.readInt16BE(this.pos);
    this.pos += 2;
    return value;
  }

  int32(): number {
    const value = this.buffer.readInt32BE(this.pos);
    this.pos += 4;
    return value;
  }

  int64(): number {
    const value = this.buffer.readInt32BE(this.pos) * 4294967296 + this.buffer.readUInt32BE(this.pos + 4);
    this.pos += 8;
    return value;
  }

  /** Zigzag varint or varlong (the record format uses both), as a number. */
  varint(): number {
    let raw = 0;
    let factor = 1;
    let byte: number;
    do {
      if (this.pos >= this.buffer.length) throw new RangeError('varint past the end of the buffer');
      byte = this.buffer[this.pos++]!;
      raw += (byte & 0x7f) * factor;
      factor *= 128;
    } while (byte & 0x80);
    return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
  }

  bytes(length: number): Buffer {
    if (length > this.remaining) throw new RangeError('bytes past the end of the buffer');
    const value = this.buffer.subarray(this.pos, this.pos + length);
    this.pos += length;
    return value;
  }

  /** Bytes prefixed with a varint length; -1 is null. */
  varBytes(): Buffer | null {
    const length = this.varint();
    return length < 0 ? null : this.bytes(length);
  }

  /** A string prefixed with an int16 length; -1 is null. */
  string(): string | null {
    const length = this.int16();
    return length < 0 ? null : this.bytes(length).toString('utf8');
  }

  bool(): boolean {
    return this.buffer[this.pos++] !== 0;
  }

  /** An unsigned varint (flexible versions' lengths and tag counts). */
  uvarint(): number {
    let value = 0;
    let factor = 1;
    let byte: number;
    do {
      if (this.pos >= this.buffer.length) throw new RangeError('uvarint past the end of the buffer');
      byte = this.buffer[this.pos++]!;
      value += (byte & 0x7f) * factor;
      factor *= 128;
    } while (byte & 0x80);
    return value;
  }

  /** A compact string (length + 1 as a uvarint; 0 is null). */
  compactString(): string | null {
    const length = this.uvarint() - 1;
    return length < 0 ? null : this.bytes(length).toString('utf8');
  }

  /** The item count of a compact array (length + 1; 0 is null, read as empty). */
  compactLength(): number {
    return Math.max(0, this.uvarint() - 1);
  }

  /** An int32-counted array's length (-1 is null, read as empty). */
  arrayLength(): number {
    return Math.max(0, this.int32());
  }

  /** Skips a tagged-field section (flexible versions): none of ours carries a tag we read. */
  skipTags(): void {
    const count = this.uvarint();
    for (let i = 0; i < count; i++) {
      this.uvarint(); // tag
      this.bytes(this.uvarint());
    }
  }

  int32Array(): number[] {
    const length = this.arrayLength();
    const values = new Array<number>(length);
    for (let i = 0; i < length; i++) values[i] = this.int32();
    return values;
  }
}
