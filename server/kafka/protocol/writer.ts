import 'server-only';
import Encoder from 'kafkajs/src/protocol/encoder.js';

/**
 * A growing buffer for request bodies with thousands of partitions. kafkajs's encoder builds an
 * encoder per array item and a Long per int64, which cost ~30 ms of event loop for one ListOffsets of
 * 4,000 partitions; this writes straight into one buffer that doubles when full (~1 ms).
 */
export class Writer {
  private buf: Buffer;
  private pos = 0;

  constructor(initialSize = 1024) {
    this.buf = Buffer.allocUnsafe(initialSize);
  }

  private room(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + bytes) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  int8(value: number): this {
    this.room(1);
    this.buf.writeInt8(value, this.pos);
    this.pos += 1;
    return this;
  }

  int16(value: number): this {
    this.room(2);
    this.buf.writeInt16BE(value, this.pos);
    this.pos += 2;
    return this;
  }

  int32(value: number): this {
    this.room(4);
    this.buf.writeInt32BE(value, this.pos);
    this.pos += 4;
    return this;
  }

  /** A signed 64-bit integer from a safe JavaScript integer (timestamps, offsets, -1/-2 markers). */
  int64(value: number): this {
    this.room(8);
    const high = Math.floor(value / 4294967296);
    this.buf.writeInt32BE(high, this.pos);
    this.buf.writeUInt32BE(value - high * 4294967296, this.pos + 4);
    this.pos += 8;
    return this;
  }

  uvarint(value: number): this {
    this.room(5);
    let v = value >>> 0;
    while (v >= 0x80) {
      this.buf[this.pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.pos++] = v;
    return this;
  }

  /** A string with an int16 length. */
  string(value: string): this {
    const length = Buffer.byteLength(value, 'utf8');
    this.int16(length);
    this.room(length);
    this.buf.write(value, this.pos, length, 'utf8');
    this.pos += length;
    return this;
  }

  /** A compact (flexible versions) string: uvarint length + 1. */
  compactString(value: string): this {
    const length = Buffer.byteLength(value, 'utf8');
    this.uvarint(length + 1);
    this.room(length);
    this.buf.write(value, this.pos, length, 'utf8');
    this.pos += length;
    return this;
  }

  get size(): number {
    return this.pos;
  }

  /** The bytes in the form kafkajs's connection sends (it accepts only its own encoder). */
  toEncoder(): Encoder {
    return new Encoder().writeBuffer(this.buf.subarray(0, this.pos));
  }
}
