// Shapes of the kafkajs internals that server/kafka builds on for requests kafkajs has no API for.
declare module 'kafkajs/src/cluster/index.js' {
  const Cluster: new (options: Record<string, unknown>) => import('./internals').RawCluster;
  export default Cluster;
}
declare module 'kafkajs/src/loggers/index.js' {
  export function createLogger(options: { level: number; logCreator: import('kafkajs').logCreator }): unknown;
}
declare module 'kafkajs/src/network/socketFactory.js' {
  const socketFactory: () => unknown;
  export default socketFactory;
}
declare module 'kafkajs/src/protocol/encoder.js' {
  export default class Encoder {
    writeInt8(value: number): this;
    writeInt16(value: number): this;
    writeInt32(value: number): this;
    writeInt64(value: number | string | bigint): this;
    writeUVarInt(value: number): this;
    writeUVarIntString(value: string | null): this;
    writeBuffer(value: Buffer): this;
    writeBoolean(value: boolean): this;
    writeString(value: string | null): this;
    writeArray(array: unknown[], type?: string): this;
    writeVarInt(value: number): this;
    writeVarLong(value: number): this;
    writeVarIntString(value: string | null): this;
    writeVarIntBytes(value: Buffer | string | null): this;
    writeBytes(value: Buffer | null): this;
    writeUVarIntBytes(value: Buffer | null): this;
    writeDouble(value: number): this;
    writeEncoder(value: Encoder): this;
    size(): number;
    buffer: Buffer;
  }
}
declare module 'kafkajs/src/protocol/recordBatch/v0/index.js' {
  export function RecordBatch(options: {
    compression: number;
    records: import('kafkajs/src/protocol/encoder.js').default[];
    firstTimestamp: number;
    maxTimestamp: number;
    lastOffsetDelta: number;
  }): Promise<import('kafkajs/src/protocol/encoder.js').default>;
}
declare module 'kafkajs/src/protocol/error.js' {
  export function createErrorFromCode(code: number): Error & { type: string; retriable: boolean };
}
declare module 'kafkajs/src/protocol/decoder.js' {
  export default class Decoder {
    constructor(buffer: Buffer);
    offset: number;
    readInt8(): number;
    readInt16(): number;
    readInt32(): number;
    readInt64(): { toString(): string };
    readUVarInt(): number;
    readUVarIntString(): string | null;
    readUVarIntArray<T>(reader: (decoder: Decoder) => T): T[] | null;
    readTaggedFields(): unknown;
    readDouble(): number;
    readBoolean(): boolean;
    readBytes(length: number): Buffer | null;
    readString(): string | null;
    readArray<T>(reader: (decoder: Decoder) => T): T[];
    canReadBytes(length: number): boolean;
  }
}
declare module 'kafkajs/src/protocol/requests/describeGroups/index.js' {
  const DescribeGroups: unknown;
  export default DescribeGroups;
}
declare module 'kafkajs/src/protocol/requests/offsetCommit/index.js' {
  const OffsetCommit: unknown;
  export default OffsetCommit;
}
declare module 'kafkajs/src/protocol/requests/fetch/index.js' {
  const Fetch: unknown;
  export default Fetch;
}
declare module 'kafkajs/src/protocol/messageSet/decoder.js' {
  const decodeMessageSet: (
    decoder: import('kafkajs/src/protocol/decoder.js').default,
    size: number,
  ) => Promise<unknown[]>;
  export default decodeMessageSet;
}
declare module 'kafkajs-snappy' {
  const SnappyCodec: () => {
    compress: (encoder: unknown) => Promise<Buffer>;
    decompress: (buffer: Buffer) => Promise<Buffer>;
  };
  export default SnappyCodec;
}
declare module 'lz4js' {
  export function compress(data: Uint8Array): Uint8Array;
  export function decompress(data: Uint8Array): Uint8Array;
}
declare module 'lz4js/xxh32.js' {
  export function hash(seed: number, data: Uint8Array, offset: number, length: number): number;
}
declare module 'kafkajs/src/network/connection.js' {
  const Connection: { prototype: object };
  export default Connection;
}
